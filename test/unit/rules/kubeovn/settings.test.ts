import { describe, expect, it } from '@jest/globals';
import { ModelView } from '../../../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { kubeovnFamily } from '../../../../webhooks/rules/kubeovn/index.js';
import { subnetOverlapsRule } from '../../../../webhooks/rules/kubeovn/subnet-overlaps.js';
import { settingsWith, storeWith } from '../support/fixture-cases.js';

const subnet: KubeObject = {
  apiVersion: 'kubeovn.io/v1',
  kind: 'Subnet',
  metadata: { name: 'app' },
  spec: { cidrBlock: '10.20.0.0/24' },
};

describe('service CIDR setting', () => {
  it.each([
    ['10.96.0.0/12,fd00:10:96::/112', 0],
    ['', 0],
    ['10.20.0.0/16', 1],
  ])('%p yields %d finding(s)', async (serviceCidr, count) => {
    const findings = await subnetOverlapsRule.check({
      operation: 'CREATE',
      object: subnet,
      view: new ModelView(storeWith([kubeovnFamily], [])),
      settings: settingsWith({ serviceCidr }),
    });
    expect(findings).toHaveLength(count);
  });

  it.each(['10.96.0.0', '10.96.0.0/12,,fd00::/64', 'services'])(
    'a malformed setting %p fails the review naming the bad token instead of passing it',
    async (serviceCidr) => {
      expect(() =>
        subnetOverlapsRule.check({
          operation: 'CREATE',
          object: subnet,
          view: new ModelView(storeWith([kubeovnFamily], [])),
          settings: settingsWith({ serviceCidr }),
        }),
      ).toThrow(/service CIDR setting is invalid: .*"/);
    },
  );
});
