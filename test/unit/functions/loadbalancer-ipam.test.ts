/**
 * loadbalancer-ipam, case by case (test/fixtures/functions/loadbalancer-ipam/cases.yaml, and the
 * guide's examples in guide.yaml): a cluster,
 * events through the runtime onto a MemoryStore, and what results: every Service's addresses and
 * recorded pool, every claim with its holders, the Events reported. Each case then plans every
 * Service again onto its own result: nothing may change.
 *
 * After a deliberate change, rewrite the expect blocks and read the diff:
 *   ACPNET_UPDATE_FIXTURES=1 npm test -- test/unit/functions/loadbalancer-ipam.test.ts
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadBalancerIpam } from '../../../functions/loadbalancer-ipam/index.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { updatingFixtures, writeExpectations } from '../rules/support/fixture-update.js';
import { type EventSpec, feed, newRuntime, readYaml } from './harness.js';
import { type Observed, observe, replanEverything } from './loadbalancer-ipam-observe.js';

interface Case {
  name: string;
  state?: KubeObject[];
  events: EventSpec[];
  expect?: Observed;
}

describe.each(['cases.yaml', 'guide.yaml'])('loadbalancer-ipam %s', (file) => {
  const cases = readYaml<Case[]>(`loadbalancer-ipam/${file}`);
  const observed = new Map<number, Observed>();

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, testCase, i) => {
    const { store, processor } = await newRuntime(testCase.state ?? [], [loadBalancerIpam]);
    const results = await feed(processor, testCase.events);
    expect(results.map((r) => r.outcome)).toEqual(testCase.events.map(() => 'processed'));
    const actual = observe(store);
    if (updatingFixtures) observed.set(i, actual);
    else expect(actual).toEqual(testCase.expect ?? 'an expect block (run the update mode)');
    expect(await replanEverything(store)).toEqual([]);
    expect(observe(store)).toEqual(actual);
  });

  if (updatingFixtures) afterAll(() => writeExpectations('functions/loadbalancer-ipam', file, observed));
});
