import { expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { withDefaultNamespace } from '../../../../cli/admit-sequence.js';
import { MemoryStore } from '../../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { groupKindOf } from '../../../../shared/kube/object.js';
import { reviewObject } from '../../../../webhooks/review/engine.js';
import { RuleIndex } from '../../../../webhooks/review/rule-index.js';
import { kubeovnFamily } from '../../../../webhooks/rules/kubeovn/index.js';
import { metallbFamily } from '../../../../webhooks/rules/metallb/index.js';
import { serviceFamily } from '../../../../webhooks/rules/service/index.js';
import { describeWithGuide, guideText } from '../../../support/guide.js';
import { settingsWith } from '../support/fixture-cases.js';

/** metallb.io objects and Services of the guide's code blocks, in guide order, callout markers removed. */
function guideObjects(): KubeObject[] {
  const text = guideText();
  const out: KubeObject[] = [];
  for (const [, block = ''] of text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const clean = block.replace(/[\u2460-\u2473]/g, '').replace(/[ \t]+$/gm, '');
    for (const doc of parseAllDocuments(clean)) {
      const obj = doc.toJS({ mapAsMap: false }) as KubeObject | null;
      if (!obj || typeof obj !== 'object') continue;
      if (
        String(obj.apiVersion).startsWith('metallb.io/') ||
        (obj.apiVersion === 'v1' && obj.kind === 'Service')
      )
        out.push(obj);
    }
  }
  return out;
}

interface Expected {
  operation: 'CREATE' | 'UPDATE';
  warnings?: string[];
}

/** What each example gets when applied in guide order to one cluster. */
const expected: [string, Expected][] = [
  ['Service/my-service', { operation: 'CREATE' }],
  ['Service/nginx-clusterip', { operation: 'CREATE' }],
  ['Service/nginx-nodeport', { operation: 'CREATE' }],
  ['Service/nginx-lb-service', { operation: 'CREATE' }],
  ['Service/my-external-service', { operation: 'CREATE' }],
  ['Service/nginx-loadbalancer-local', { operation: 'CREATE' }],
  ['IPAddressPool/test-ippool', { operation: 'CREATE' }],
  ['L2Advertisement/test-ippool', { operation: 'CREATE' }],
  ['IPAddressPool/test-pool-bgp', { operation: 'CREATE' }],
  // The guide's BGP example names a peer it never creates.
  ['BGPAdvertisement/test-pool-bgp', { operation: 'CREATE', warnings: ['spec.peers[0]'] }],
  ['IPAddressPool/acp-underlay-pool', { operation: 'CREATE' }],
  ['L2Advertisement/acp-underlay-pool', { operation: 'CREATE' }],
  ['Service/backend-lb-service', { operation: 'CREATE' }],
  // The same Service again, now with the pool annotation: an UPDATE.
  ['Service/backend-lb-service', { operation: 'UPDATE' }],
];

describeWithGuide('MetalLB and Service examples of the platform guide, applied in order', () => {
  const rules = new RuleIndex([kubeovnFamily, metallbFamily, serviceFamily]);
  const store = new MemoryStore({ now: () => new Date('2026-01-01T00:00:00Z') });
  rules.registerIndexes(store);
  const objects = guideObjects().map(withDefaultNamespace);

  it('finds every example the table describes', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(expected.map(([key]) => key));
  });

  it.each(expected.map(([key, want], i) => [`${i}: ${key}`, i, want] as const))(
    '%s',
    async (_key, i, want) => {
      const object = objects[i]!;
      const existing = store.get(
        groupKindOf(object),
        object.metadata.namespace ?? '',
        object.metadata.name ?? '',
      );
      expect(existing ? 'UPDATE' : 'CREATE').toBe(want.operation);
      const result = await reviewObject(
        {
          operation: want.operation,
          object,
          oldObject: existing,
          view: store,
          settings: settingsWith(),
        },
        { rules },
      );
      expect(result.failures).toEqual([]);
      expect(result.message).toBe('');
      expect(result.findings.filter((f) => f.severity === 'warn').map((f) => f.field)).toEqual(
        want.warnings ?? [],
      );
      store.load([result.object!]);
    },
  );
});
