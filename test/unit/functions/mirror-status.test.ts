/**
 * The runtime's mirror (MemoryStore runs: serve --state, replay, tests) brings each new version of
 * a source object's status along, as an informer would: a Pod's readiness and a Node's conditions
 * are inputs of keepalived-hosts. The same version again leaves alone a status a function wrote.
 */
import { describe, expect, it } from '@jest/globals';
import { allFunctions } from '../../../functions/registry.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import type { JsonObject } from '../../../shared/kube/json-value.js';
import { mergePatch, mergePatchBetween } from '../../../shared/kube/memory-store/merge-patch.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { feed, newRuntime } from './harness.js';

describe('mergePatchBetween', () => {
  it.each([
    [{ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2 } }, { b: { d: null } }],
    [{ a: [1, 2] }, { a: [2] }, { a: [2] }],
    [undefined, { a: { b: 1 } }, { a: { b: 1 } }],
    [{ a: 1 }, { a: 1 }, {}],
    [
      { a: 1, gone: 'x' },
      { a: 2, more: { x: true } },
      { gone: null, a: 2, more: { x: true } },
    ],
    [{ a: 1 }, { a: null }, { a: null }],
  ])('turns %j into %j with %j', (from, to, patch) => {
    const made = mergePatchBetween(from, to as JsonObject);
    expect(made).toEqual(patch);
    const applied = mergePatch(from, made);
    const expected = Object.fromEntries(Object.entries(to).filter(([, v]) => v !== null));
    expect(applied).toEqual(expected);
  });
});

const node = (rv: string, ready: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'n1', uid: 'n1-uid', resourceVersion: rv },
  status: { conditions: [{ type: 'Ready', status: ready }], ...extra },
});

describe('the mirror', () => {
  it("takes each new version's status, with keys the source dropped removed", async () => {
    const { store, processor } = await newRuntime([]);
    await feed(processor, [
      {
        type: 'add',
        object: node('1', 'True', { addresses: [{ type: 'InternalIP', address: '10.0.0.1' }] }),
      },
      { type: 'update', object: node('2', 'False') },
    ]);
    expect(store.get('/Node', '', 'n1')?.status).toEqual({
      conditions: [{ type: 'Ready', status: 'False' }],
    });
  });

  it('leaves alone a status written since, when the same source version comes again', async () => {
    const { store, processor } = await newRuntime([], allFunctions);
    await feed(processor, [{ type: 'add', object: node('1', 'True'), id: 'first' }]);
    await store.patchStatus(
      { groupKind: '/Node', namespace: '', name: 'n1' },
      { phase: 'Written' },
      { fieldManager: 'someone' },
    );
    // A new process (replay onto its own result) meets the same version again.
    const restarted = new EventProcessor({
      store,
      functions: allFunctions,
      mirror: true,
      logger: createLogger('silent'),
    });
    const [again] = await feed(restarted, [{ type: 'update', object: node('1', 'True'), id: 'again' }]);
    expect(again?.outcome).toBe('processed');
    expect(store.get('/Node', '', 'n1')?.status).toEqual({
      conditions: [{ type: 'Ready', status: 'True' }],
      phase: 'Written',
    });
  });
});
