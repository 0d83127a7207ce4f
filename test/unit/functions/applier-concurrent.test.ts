/**
 * A run of adjacent effects marked `concurrent` is applied at once, and finishes before the next
 * effect starts; effects without the mark keep their order; a failure in a run fails after the run.
 */
import { describe, expect, it } from '@jest/globals';
import { applyEffects } from '../../../functions/runtime/applier.js';
import type { Effect } from '../../../functions/runtime/contract.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import type { ApplyOptions } from '../../../shared/kube/store.js';

const configMap = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'demo' },
  data: { a: name },
});

function recordingStore(failing?: string): { store: MemoryStore; log: string[] } {
  const store = new MemoryStore();
  const log: string[] = [];
  const apply = store.apply.bind(store);
  store.apply = async (object: KubeObject, options: ApplyOptions) => {
    const name = object.metadata.name ?? '';
    log.push(`start ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    log.push(`end ${name}`);
    if (name === failing) throw new Error(`${name} failed`);
    return apply(object, options);
  };
  return { store, log };
}

describe('concurrent effects', () => {
  it('applies a run at once and the next effect after it', async () => {
    const { store, log } = recordingStore();
    const effects: Effect[] = [
      { op: 'apply', object: configMap('first') },
      { op: 'apply', object: configMap('a'), concurrent: true },
      { op: 'apply', object: configMap('b'), concurrent: true },
      { op: 'apply', object: configMap('last') },
    ];
    const changed = await applyEffects(store, 'fn', 'acpnet-fn', effects);
    expect(changed.map((c) => (c.op === 'ovsdb' ? c.comment : c.name))).toEqual(['first', 'a', 'b', 'last']);
    expect(log).toEqual([
      'start first',
      'end first',
      'start a',
      'start b',
      'end a',
      'end b',
      'start last',
      'end last',
    ]);
  });

  it('fails after the whole run, keeping what the others applied', async () => {
    const { store, log } = recordingStore('a');
    const effects: Effect[] = [
      { op: 'apply', object: configMap('a'), concurrent: true },
      { op: 'apply', object: configMap('b'), concurrent: true },
      { op: 'apply', object: configMap('never') },
    ];
    const changed: { name: string }[] = [];
    await expect(
      applyEffects(store, 'fn', 'acpnet-fn', effects, { changed: changed as never }),
    ).rejects.toThrow('a failed');
    expect(changed.map((c) => c.name)).toEqual(['b']);
    expect(log).not.toContain('start never');
    expect(store.get('/ConfigMap', 'demo', 'b')).toBeDefined();
  });
});
