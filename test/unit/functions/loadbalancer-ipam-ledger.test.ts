/**
 * loadbalancer-ipam's state kept across events (test/fixtures/functions/loadbalancer-ipam/ledger.yaml):
 * events through the runtime mixed with other writers' changes made straight into the store. Each
 * case runs once on one store, and once restarted before every step (a new store loaded from the
 * last one's objects, so the kept state is rebuilt from the store): both must give `expect`.
 *
 * After a deliberate change, rewrite the expect blocks and read the diff:
 *   ACPNET_UPDATE_FIXTURES=1 npm test -- test/unit/functions/loadbalancer-ipam-ledger.test.ts
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadBalancerIpam } from '../../../functions/loadbalancer-ipam/index.js';
import type { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { GroupKind, KubeObject } from '../../../shared/kube/object.js';
import { updatingFixtures, writeExpectations } from '../rules/support/fixture-update.js';
import { cloudEvent, type EventSpec, newRuntime, readYaml } from './harness.js';
import { type Observed, observe, replanEverything } from './loadbalancer-ipam-observe.js';

type Step =
  | { event: EventSpec }
  | { write: KubeObject }
  | { remove: { groupKind: GroupKind; namespace: string; name: string } };

interface Case {
  name: string;
  state?: KubeObject[];
  steps: Step[];
  expect?: Observed;
}

type Runtime = Awaited<ReturnType<typeof newRuntime>>;

async function run(testCase: Case, restartEachStep: boolean): Promise<MemoryStore> {
  let runtime: Runtime = await newRuntime(testCase.state ?? [], [loadBalancerIpam]);
  for (const [i, step] of testCase.steps.entries()) {
    if (restartEachStep) {
      const objects = runtime.store.kinds().flatMap((kind) => runtime.store.list(kind));
      runtime = await newRuntime(objects, [loadBalancerIpam]);
    }
    if ('event' in step) {
      const result = await runtime.processor.process(cloudEvent(step.event, i));
      expect(result.outcome).toBe('processed');
    } else if ('write' in step) {
      runtime.store.load([step.write]);
    } else {
      await runtime.store.delete(step.remove);
    }
  }
  return runtime.store;
}

describe('loadbalancer-ipam kept state', () => {
  const cases = readYaml<Case[]>('loadbalancer-ipam/ledger.yaml');
  const observed = new Map<number, Observed>();

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, testCase, i) => {
    const store = await run(testCase, false);
    const actual = observe(store);
    if (updatingFixtures) observed.set(i, actual);
    else expect(actual).toEqual(testCase.expect ?? 'an expect block (run the update mode)');
    expect(observe(await run(testCase, true))).toEqual(actual);
    expect(await replanEverything(store)).toEqual([]);
  });

  if (updatingFixtures)
    afterAll(() => writeExpectations('functions/loadbalancer-ipam', 'ledger.yaml', observed));
});
