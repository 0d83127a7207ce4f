import { describe, expect, it } from '@jest/globals';
import { admissionSettings } from '../../../../cli/settings.js';
import { UsageError } from '../../../../cli/usage.js';
import { ModelView } from '../../../../shared/kube/model/model-view.js';
import type { Subnet } from '../../../../shared/kube/schemas/kubeovn.js';
import { kubeovnFamily } from '../../../../webhooks/rules/kubeovn/index.js';
import { subnetOverlapsRule } from '../../../../webhooks/rules/kubeovn/subnet-overlaps.js';
import { serviceCidrs, settingsWith, storeWith } from '../support/fixture-cases.js';

const subnet: Subnet = {
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
      settings: settingsWith({ serviceCidrs: serviceCidrs(serviceCidr) }),
    });
    expect(findings).toHaveLength(count);
  });

  it('is parsed once, into the CIDRs the rules read', () => {
    const settings = admissionSettings({ 'service-cidr': '10.96.0.0/12,fd00:10:96::/112' });
    expect(settings.serviceCidrs.map((c) => `${c.family}/${c.prefix}`)).toEqual(['4/12', '6/112']);
  });

  it.each([
    ['10.96.0.0', '"10.96.0.0"'],
    ['10.96.0.0/12,,fd00::/64', 'entry 1 ""'],
    ['services', '"services"'],
    ['10.96.0.0/12,10.100.0.0/16', '"10.100.0.0/16"'],
  ])('a malformed setting %p is refused at parse time naming the bad token %s', (serviceCidr, token) => {
    const parse = () => admissionSettings({ 'service-cidr': serviceCidr });
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(`--service-cidr: `);
    expect(parse).toThrow(token);
  });
});
