/**
 * The guide's pools and LoadBalancer Services that test/fixtures/functions/loadbalancer-ipam/guide.yaml
 * runs through loadbalancer-ipam are the guide's own: each of them appears in the fixture with the
 * same spec, so a change of the guide's examples shows here.
 */

import { isDeepStrictEqual } from 'node:util';
import { expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../../shared/kube/object.js';
import { describeWithGuide, guideText } from '../../support/guide.js';
import { readYaml } from './harness.js';

const NAMES = [
  'IPAddressPool/test-ippool',
  'IPAddressPool/test-pool-bgp',
  'IPAddressPool/acp-underlay-pool',
  'Service/nginx-lb-service',
  'Service/nginx-loadbalancer-local',
  'Service/backend-lb-service',
];

function guideObjects(): KubeObject[] {
  const out: KubeObject[] = [];
  for (const [, block = ''] of guideText().matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    const clean = block.replace(/[\u2460-\u2473]/g, '').replace(/[ \t]+$/gm, '');
    for (const doc of parseAllDocuments(clean)) {
      const obj = doc.toJS() as KubeObject | null;
      if (obj && typeof obj === 'object' && NAMES.includes(`${obj.kind}/${obj.metadata?.name}`))
        out.push(obj);
    }
  }
  return out;
}

interface Case {
  state?: KubeObject[];
  events: { object: KubeObject }[];
}

function fixtureObjects(): KubeObject[] {
  return readYaml<Case[]>('loadbalancer-ipam/guide.yaml').flatMap((c) => [
    ...(c.state ?? []),
    ...c.events.map((e) => e.object),
  ]);
}

describeWithGuide('the guide examples loadbalancer-ipam runs', () => {
  const guide = guideObjects();
  const fixture = fixtureObjects();
  it.each(NAMES)('%s is in the fixture as the guide writes it', (name) => {
    const inGuide = guide.filter((o) => `${o.kind}/${o.metadata.name}` === name);
    expect(inGuide).not.toHaveLength(0);
    const inFixture = fixture.filter((o) => `${o.kind}/${o.metadata.name}` === name);
    for (const example of inGuide) {
      expect(inFixture.some((o) => isDeepStrictEqual(o['spec'], example['spec']))).toBe(true);
    }
  });
});
