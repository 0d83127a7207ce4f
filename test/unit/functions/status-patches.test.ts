/**
 * The runtime writes a status once per object when plans pile up: of the patches waiting while one
 * is written, only the newest plan's is sent after it; one older than a written one is not sent.
 */
import { describe, expect, it } from '@jest/globals';
import { StatusPatches } from '../../../functions/runtime/status-patches.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { ApplyOptions } from '../../../shared/kube/store.js';

const key = { groupKind: 'kubeovn.io/Subnet', namespace: '', name: 'net' } as const;
const options: ApplyOptions = { fieldManager: 'acpnet-pod-ipam' };

function storeWithSubnet(): { store: MemoryStore; sent: unknown[]; release: () => void } {
  const store = new MemoryStore();
  store.load([{ apiVersion: 'kubeovn.io/v1', kind: 'Subnet', metadata: { name: 'net' }, spec: {} }]);
  const sent: unknown[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const patch = store.patchStatus.bind(store);
  store.patchStatus = async (k, status, o) => {
    sent.push(status);
    if (sent.length === 1) await gate;
    return patch(k, status, o);
  };
  return { store, sent, release };
}

describe('status patches', () => {
  it('sends the first, then only the newest of those that waited', async () => {
    const { store, sent, release } = storeWithSubnet();
    const patches = new StatusPatches();
    const first = patches.patch(store, key, { used: 1 }, options, 1);
    const second = patches.patch(store, key, { used: 2 }, options, 2);
    const third = patches.patch(store, key, { used: 3 }, options, 3);
    release();
    expect(await Promise.all([first, second, third])).toEqual([true, false, true]);
    expect(sent).toEqual([{ used: 1 }, { used: 3 }]);
    expect(store.get(key.groupKind, '', 'net')?.status).toEqual({ used: 3 });
  });

  it('does not send a patch planned before one already written', async () => {
    const { store, sent, release } = storeWithSubnet();
    release();
    const patches = new StatusPatches();
    expect(await patches.patch(store, key, { used: 5 }, options, 5)).toBe(true);
    expect(await patches.patch(store, key, { used: 4 }, options, 4)).toBe(false);
    expect(sent).toEqual([{ used: 5 }]);
  });

  it('lets a waiting patch through when the one written before it fails', async () => {
    const store = new MemoryStore();
    store.load([{ apiVersion: 'kubeovn.io/v1', kind: 'Subnet', metadata: { name: 'net' }, spec: {} }]);
    const patch = store.patchStatus.bind(store);
    let calls = 0;
    store.patchStatus = async (k, status, o) => {
      calls += 1;
      if (calls === 1) throw new Error('connection reset');
      return patch(k, status, o);
    };
    const patches = new StatusPatches();
    const failing = patches.patch(store, key, { used: 1 }, options, 1);
    const waiting = patches.patch(store, key, { used: 2 }, options, 2);
    await expect(failing).rejects.toThrow('connection reset');
    expect(await waiting).toBe(true);
    expect(store.get(key.groupKind, '', 'net')?.status).toEqual({ used: 2 });
  });
});
