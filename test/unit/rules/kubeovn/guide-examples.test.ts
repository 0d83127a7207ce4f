import { expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { reviewObject } from '../../../../webhooks/review/engine.js';
import { RuleIndex } from '../../../../webhooks/review/rule-index.js';
import { kubeovnFamily } from '../../../../webhooks/rules/kubeovn/index.js';
import { describeWithGuide, guideText } from '../../../support/guide.js';
import { settingsWith, storeWith } from '../support/fixture-cases.js';

/** kubeovn.io objects of the guide's code blocks, without its circled callout markers (①...). */
function guideObjects(): KubeObject[] {
  const text = guideText();
  const out: KubeObject[] = [];
  for (const [, block = ''] of text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    if (!block.includes('kubeovn.io/v1')) continue;
    const clean = block.replace(/[\u2460-\u2473]/g, '').replace(/[ \t]+$/gm, '');
    for (const doc of parseAllDocuments(clean)) {
      const obj = doc.toJS({ mapAsMap: false }) as KubeObject | null;
      if (obj && typeof obj === 'object' && String(obj.apiVersion).startsWith('kubeovn.io/')) out.push(obj);
    }
  }
  return out;
}

/**
 * What a CREATE of each example gets on an empty cluster. Denied examples are the guide's own
 * slips, each with the field that gives it away.
 */
const toIPv4 = [{ op: 'replace', path: '/spec/protocol', value: 'IPv4' }];

const expected: Record<
  string,
  { allowed: boolean; deniedFields?: string[]; patch?: object[]; why?: string }
> = {
  'Subnet/test-calico': {
    allowed: true,
    patch: toIPv4,
    why: 'protocol Dual over one IPv4 CIDR is set to IPv4 by mutation',
  },
  'Subnet/test-overlay-subnet': {
    allowed: true,
    patch: toIPv4,
    why: 'protocol Dual over one IPv4 CIDR is set to IPv4 by mutation',
  },
  'ProviderNetwork/test-provider-network': {
    allowed: false,
    deniedFields: ['spec.customInterfaces', 'spec.defaultInterface'],
    why: 'callout numbers "1" and "2" were typeset into the values',
  },
  'Vlan/test-vlan': { allowed: true },
  'Subnet/test-underlay-network': {
    allowed: true,
    patch: toIPv4,
    why: 'protocol Dual over one IPv4 CIDR is set to IPv4 by mutation',
  },
  'ProviderNetwork/provider': { allowed: false, why: 'a comment wrapped onto its own line' },
  'Vlan/ovn-vlan': {
    allowed: false,
    deniedFields: ['spec.provider'],
    why: 'a comment wrapped onto its own line',
  },
  'Subnet/underlay-subnet': {
    allowed: false,
    deniedFields: ['spec.cidrBlock'],
    why: 'a fragment to merge into an existing subnet, not a whole Subnet',
  },
  'VpcEgressGateway/gateway1': { allowed: true },
  'Vpc/ovn-cluster': {
    allowed: false,
    // nodeSelector is left null, which the API server drops; matchLabels is then an unknown field.
    deniedFields: ['spec.bfdPort.matchLabels'],
    why: 'matchLabels is indented as a sibling of nodeSelector',
  },
  'VpcEgressGateway/gateway2': { allowed: true },
  'Subnet/subnet1': { allowed: true },
  'Subnet/centralized': { allowed: true },
  'Subnet/centralized-selector': { allowed: true },
  'IPPool/pool-1': { allowed: true },
};

const rules = new RuleIndex([kubeovnFamily]);

describeWithGuide('kubeovn.io examples of the platform guide', () => {
  const objects = guideObjects();

  it('finds every example the table describes', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(objects.map((o) => [`${o.kind}/${o.metadata.name}`, o] as const))('%s', async (key, object) => {
    const want = expected[key]!;
    const result = await reviewObject(
      {
        operation: 'CREATE',
        object,
        view: storeWith([kubeovnFamily], []),
        settings: settingsWith(),
      },
      { rules },
    );
    expect(result.failures).toEqual([]);
    expect(result.allowed).toBe(want.allowed);
    const deniedFields = result.findings.filter((f) => f.severity === 'deny').map((f) => f.field);
    for (const field of want.deniedFields ?? []) expect(deniedFields).toContain(field);
    if (want.patch) expect(result.patch).toEqual(expect.arrayContaining(want.patch));
  });
});
