import { describe, expect, it } from '@jest/globals';
import { ingressSync } from '../../../functions/ingress-sync/index.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import {
  decodeTombstone,
  encodeTombstone,
  RUNTIME_FIELD_MANAGER,
  retained,
  TOMBSTONE_DATA_BUDGET,
  TOMBSTONE_LIMIT,
  type Tombstone,
  Tombstones,
  tombstoneConfigMapName,
} from '../../../functions/runtime/tombstones.js';
import type { ChangeEvent } from '../../../shared/events/apiserver.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject, ObjectKey } from '../../../shared/kube/object.js';
import { DATA_LIMIT, dataSize, jsonSize, STORED_OBJECT_LIMIT } from '../../../shared/kube/sizes.js';
import { ConflictError } from '../../../shared/kube/store.js';
import { feed, newRuntime, readYaml } from './harness.js';

const state = readYaml<KubeObject[]>('ingress-sync/state.yaml');
const CONFIG_MAP = {
  groupKind: '/ConfigMap',
  namespace: 'acpnet',
  name: 'acpnet-tombstones-ingress-sync',
} as const;

function ingress(rv: string, uid = 'uid-a'): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'a', namespace: 'demo', uid, resourceVersion: rv },
    spec: {
      ingressClassName: 'alb-demo',
      rules: [
        {
          http: {
            paths: [
              { path: '/a', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
            ],
          },
        },
      ],
    },
  };
}

function restart(store: MemoryStore, options: { dryRun?: boolean } = {}): EventProcessor {
  return new EventProcessor({
    store,
    functions: [ingressSync],
    mirror: true,
    logger: createLogger('silent'),
    ...options,
  });
}

const rules = (store: MemoryStore) => store.list('crd.alauda.io/Rule');

describe('tombstones in a live run', () => {
  it('a restarted consumer skips the redelivered add of a deleted Ingress: no Rule comes back', async () => {
    const { store, processor } = await newRuntime(state);
    const add = { type: 'add', object: ingress('5'), id: 'add-5' } as const;
    await feed(processor, [add, { type: 'delete', object: ingress('8'), id: 'delete-8' }]);
    expect(rules(store)).toEqual([]);
    const stored = store.get('/ConfigMap', 'acpnet', 'acpnet-tombstones-ingress-sync');
    expect(stored?.data).toEqual({ 'uid-a': 'networking.k8s.io/Ingress demo/a 8 2026-01-01T00:00:00Z' });
    expect(stored?.metadata.managedFields).toEqual([
      expect.objectContaining({ manager: RUNTIME_FIELD_MANAGER, operation: 'Apply' }),
    ]);

    // A new process on the same store: its dedup window and version tracker are empty.
    const [redelivered] = await feed(restart(store), [add]);
    expect(redelivered).toMatchObject({ outcome: 'stale', effects: [] });
    expect(rules(store)).toEqual([]);
  });

  it('without the tombstones the same redelivery would re-create the Rule', async () => {
    const { store, processor } = await newRuntime(state);
    const add = { type: 'add', object: ingress('5'), id: 'add-5' } as const;
    await feed(processor, [add, { type: 'delete', object: ingress('8'), id: 'delete-8' }]);
    await store.delete(CONFIG_MAP);
    const [redelivered] = await feed(restart(store), [add]);
    expect(redelivered?.outcome).toBe('processed');
    expect(rules(store)).toHaveLength(1);
  });

  it('lets a recreated object (new uid) through, and a repeated delete changes nothing', async () => {
    const { store, processor } = await newRuntime(state);
    await feed(processor, [
      { type: 'add', object: ingress('5') },
      { type: 'delete', object: ingress('8') },
    ]);
    const before = store.get(CONFIG_MAP.groupKind, CONFIG_MAP.namespace, CONFIG_MAP.name);
    const results = await feed(restart(store), [
      { type: 'delete', object: ingress('8'), id: 'again' },
      { type: 'add', object: ingress('9', 'uid-b'), id: 'recreated' },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['processed', 'processed']);
    expect(rules(store)).toHaveLength(1);
    expect(store.get(CONFIG_MAP.groupKind, CONFIG_MAP.namespace, CONFIG_MAP.name)).toBe(before);
  });

  it('writes nothing in a dry run, yet skips within it', async () => {
    const { store } = await newRuntime(state);
    const dry = restart(store, { dryRun: true });
    const results = await feed(dry, [
      { type: 'add', object: ingress('5') },
      { type: 'delete', object: ingress('8') },
      { type: 'update', object: ingress('7'), id: 'late' },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['processed', 'processed', 'stale']);
    expect(store.list('/ConfigMap')).toEqual([]);
  });

  it('merges what two replicas write, trying again after a conflict', async () => {
    const store = new MemoryStore();
    const one = new Tombstones({ store, consumer: 'c', persist: true });
    const two = new Tombstones({ store, consumer: 'c', persist: true });
    await Promise.all([one.ready(), two.ready()]);
    await two.record(deleteEvent('uid-2', '2026-01-01T00:00:02Z'), keyOf('b'));
    // Between replica one's read and its write, replica two writes again: one's write conflicts.
    let reads = 0;
    const racing = Object.create(store) as MemoryStore;
    racing.readObject = async (key) => {
      const read = await store.readObject(key);
      // Read 1 is the start; read 2 comes before the write.
      if (++reads === 2) await two.record(deleteEvent('uid-3', '2026-01-01T00:00:03Z'), keyOf('c'));
      return read;
    };
    let conflicts = 0;
    racing.apply = async (object, options) => {
      try {
        return await store.apply(object, options);
      } catch (error) {
        if (error instanceof ConflictError) conflicts++;
        throw error;
      }
    };
    const late = new Tombstones({ store: racing, consumer: 'c', persist: true });
    await late.ready();
    await late.record(deleteEvent('uid-1', '2026-01-01T00:00:01Z'), keyOf('a'));
    expect(conflicts).toBe(1);
    const data = store.get('/ConfigMap', 'acpnet', tombstoneConfigMapName('c'))?.data;
    expect(Object.keys(data ?? {}).sort()).toEqual(['uid-1', 'uid-2', 'uid-3']);
    // A replica started now knows all three.
    const started = new Tombstones({ store, consumer: 'c', persist: true });
    await started.ready();
    expect(['uid-1', 'uid-2', 'uid-3'].map((uid) => started.has(uid))).toEqual([true, true, true]);
  });
});

function deleteEvent(uid: string, time: string, rv = '10', name = 'a'): ChangeEvent {
  return {
    id: `delete-${uid}`,
    source: 'test://tombstones',
    type: 'delete',
    mode: 'resource',
    ref: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', namespace: 'demo', name },
    resourceVersion: rv,
    uid,
    time,
  };
}

function keyOf(name: string): ObjectKey {
  return { groupKind: 'networking.k8s.io/Ingress', namespace: 'demo', name };
}

function tombstone(i: number, time: string, name = `ingress-${i}`): Tombstone {
  return {
    uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    groupKind: 'networking.k8s.io/Ingress',
    namespace: 'team-a',
    name,
    resourceVersion: String(48_000_000 + i),
    time,
  };
}

const secondsAfter = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();

describe('tombstone retention', () => {
  it('encodes `<group/kind> <namespace>/<name> <resourceVersion> <time>` and reads it back', () => {
    const entry = tombstone(1, '2026-01-01T00:00:00Z');
    expect(encodeTombstone(entry)).toBe(
      'networking.k8s.io/Ingress team-a/ingress-1 48000001 2026-01-01T00:00:00Z',
    );
    expect(decodeTombstone(entry.uid, encodeTombstone(entry))).toEqual(entry);
    const cluster = { ...entry, groupKind: '/Namespace' as const, namespace: '' };
    expect(decodeTombstone(entry.uid, encodeTombstone(cluster))).toEqual(cluster);
    expect(decodeTombstone('not a key', encodeTombstone(entry))).toBeUndefined();
    expect(decodeTombstone(entry.uid, 'garbage')).toBeUndefined();
  });

  it('keeps the newest entries by the time of their delete event, whatever order they come in', () => {
    const entries = Array.from({ length: TOMBSTONE_LIMIT + 100 }, (_, i) => tombstone(i, secondsAfter(i)));
    const shuffled = [...entries].sort(
      (a, b) => (a.uid.endsWith('7') ? -1 : 0) - (b.uid.endsWith('7') ? -1 : 0),
    );
    const kept = retained(shuffled);
    expect(kept).toHaveLength(TOMBSTONE_LIMIT);
    expect(kept[0]).toEqual(entries.at(-1));
    expect(kept.at(-1)).toEqual(entries[100]);
    expect(retained(entries)).toEqual(kept);
  });

  it('drops entries without a time first, and holds to the byte budget when names are long', () => {
    const undated = tombstone(1, '-');
    expect(retained([undated, tombstone(2, secondsAfter(2))], 1)).toEqual([tombstone(2, secondsAfter(2))]);
    const long = Array.from({ length: TOMBSTONE_LIMIT }, (_, i) =>
      tombstone(i, secondsAfter(i), `${'n'.repeat(240)}-${i}`),
    );
    const kept = retained(long);
    expect(kept.length).toBeLessThan(TOMBSTONE_LIMIT);
    expect(kept.length).toBeGreaterThan(1000);
    const bytes = kept.reduce((sum, t) => sum + t.uid.length + encodeTombstone(t).length, 0);
    expect(bytes).toBeLessThanOrEqual(TOMBSTONE_DATA_BUDGET);
  });

  it.each([
    ['typical names', (i: number) => `shop-${i}`],
    ['253-character names', (i: number) => `${'n'.repeat(245)}-${i}`],
  ])('a full ConfigMap with %s stays within the API server limits', async (_what, name) => {
    const store = new MemoryStore();
    const entries = Array.from({ length: TOMBSTONE_LIMIT + 1 }, (_, i) =>
      tombstone(i, secondsAfter(i), name(i)),
    );
    const earlier = retained(entries.slice(0, -1));
    // What earlier runs left: the bounded set, written by the runtime's field manager.
    await store.apply(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: CONFIG_MAP.name, namespace: 'acpnet' },
        data: Object.fromEntries(earlier.map((t) => [t.uid, encodeTombstone(t)])),
      },
      { fieldManager: RUNTIME_FIELD_MANAGER, force: true },
    );
    const tombstones = new Tombstones({ store, consumer: 'ingress-sync', persist: true });
    await tombstones.ready();
    const last = entries.at(-1);
    if (!last) throw new Error('no entries');
    await tombstones.record(deleteEvent(last.uid, last.time, last.resourceVersion, last.name), {
      groupKind: last.groupKind,
      namespace: last.namespace,
      name: last.name,
    });

    const stored = store.get(CONFIG_MAP.groupKind, CONFIG_MAP.namespace, CONFIG_MAP.name);
    if (!stored) throw new Error('no ConfigMap');
    const expected = retained([...earlier, last]);
    expect(Object.keys(stored.data ?? {}).sort()).toEqual(expected.map((t) => t.uid).sort());
    expect(tombstones.has(last.uid)).toBe(true);
    const oldest = earlier.at(-1)?.uid ?? '';
    expect([tombstones.has(oldest), Object.keys(stored.data ?? {}).includes(oldest)]).toEqual([false, false]);
    expect(dataSize(stored)).toBeLessThanOrEqual(DATA_LIMIT);
    expect(jsonSize(stored)).toBeLessThanOrEqual(STORED_OBJECT_LIMIT);
  });
});
