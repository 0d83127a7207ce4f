import { describe, expect, it } from '@jest/globals';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import type { WatchEvent } from '../../../shared/kube/store.js';
import type { IPRange } from '../../../shared/net/range.js';

const manager = { fieldManager: 'test' };

function configMap(namespace: string, name: string, data: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace, name }, data };
}

function v4(first: string, last: string): IPRange {
  const toInt = (ip: string) => ip.split('.').reduce((acc, part) => acc * 256n + BigInt(part), 0n);
  return { family: 4, first: toInt(first), last: toInt(last) };
}

/** A kube-ovn-like Subnet whose spec.excludeIps holds "a..b" ranges. */
function subnet(name: string, ranges: [string, string][]): KubeObject {
  return {
    apiVersion: 'kubeovn.io/v1',
    kind: 'Subnet',
    metadata: { name },
    spec: { excludeIps: ranges.map(([a, b]) => `${a}..${b}`) },
  };
}

function subnetRanges(obj: KubeObject): IPRange[] {
  const spec = obj.spec as { excludeIps: string[] };
  return spec.excludeIps.map((text) => {
    const [a, b] = text.split('..') as [string, string];
    return v4(a, b);
  });
}

const names = (objects: readonly KubeObject[]) =>
  objects.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);

describe('MemoryStore listing', () => {
  it('lists by namespace then name in code-unit order, whatever the write order', async () => {
    const store = new MemoryStore();
    for (const [ns, name] of [
      ['b', 'z'],
      ['a', 'b'],
      ['b', 'a'],
      ['a', 'B'],
      ['a', 'a-1'],
    ] as const) {
      await store.apply(configMap(ns, name), manager);
    }
    expect(names(store.list('/ConfigMap'))).toEqual(['a/B', 'a/a-1', 'a/b', 'b/a', 'b/z']);
    expect(names(store.list('/ConfigMap', 'b'))).toEqual(['b/a', 'b/z']);
    expect(store.list('/ConfigMap', 'none')).toEqual([]);
    expect(store.list('/Secret')).toEqual([]);
    await store.delete({ groupKind: '/ConfigMap', namespace: 'a', name: 'b' });
    expect(names(store.list('/ConfigMap'))).toEqual(['a/B', 'a/a-1', 'b/a', 'b/z']);
    expect(store.kinds()).toEqual(['/ConfigMap']);
  });

  it('hands out frozen objects', async () => {
    const store = new MemoryStore();
    const stored = await store.apply(configMap('a', 'x', { k: 'v' }), manager);
    expect(Object.isFrozen(stored.metadata)).toBe(true);
    expect(() => {
      (stored.data as Record<string, string>).k = 'changed';
    }).toThrow(TypeError);
    expect(store.get('/ConfigMap', 'a', 'x')?.data).toEqual({ k: 'v' });
  });

  it('is synced after start and reads Secrets by name', async () => {
    const store = new MemoryStore();
    expect(store.isSynced()).toBe(false);
    await store.start(['/Secret']);
    expect(store.isSynced()).toBe(true);
    await store.apply(
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { namespace: 'a', name: 's' },
        data: { 'tls.crt': 'eA==' },
      },
      manager,
    );
    expect((await store.readSecret('a', 's'))?.data).toEqual({ 'tls.crt': 'eA==' });
    expect(await store.readSecret('a', 'missing')).toBeUndefined();
    await store.stop();
    expect(store.isSynced()).toBe(false);
  });
});

describe('MemoryStore equality indexes', () => {
  const byApp = {
    kind: '/ConfigMap' as const,
    name: 'app',
    keys: (obj: KubeObject) => (obj.metadata.labels?.app ? [obj.metadata.labels.app] : []),
  };

  it.each([
    ['registered before writes', true],
    ['registered after writes', false],
  ])('stays current under update and delete (%s)', async (_label, early) => {
    const store = new MemoryStore();
    if (early) store.addEqualityIndex(byApp);
    const labelled = (ns: string, name: string, app: string): KubeObject => ({
      ...configMap(ns, name),
      metadata: { namespace: ns, name, labels: { app } },
    });
    await store.apply(labelled('b', 'one', 'web'), manager);
    await store.apply(labelled('a', 'two', 'web'), manager);
    await store.apply(labelled('a', 'three', 'db'), manager);
    if (!early) store.addEqualityIndex(byApp);
    expect(names(store.byIndex('/ConfigMap', 'app', 'web'))).toEqual(['a/two', 'b/one']);

    await store.apply(labelled('b', 'one', 'db'), manager);
    expect(names(store.byIndex('/ConfigMap', 'app', 'web'))).toEqual(['a/two']);
    expect(names(store.byIndex('/ConfigMap', 'app', 'db'))).toEqual(['a/three', 'b/one']);

    await store.delete({ groupKind: '/ConfigMap', namespace: 'a', name: 'three' });
    expect(names(store.byIndex('/ConfigMap', 'app', 'db'))).toEqual(['b/one']);
    expect(store.byIndex('/ConfigMap', 'app', 'none')).toEqual([]);
  });

  it('refuses an unknown index and a second registration of one name', () => {
    const store = new MemoryStore();
    expect(() => store.byIndex('/ConfigMap', 'app', 'x')).toThrow(/no index app registered for \/ConfigMap/);
    store.addEqualityIndex(byApp);
    expect(() => store.addEqualityIndex(byApp)).toThrow(/already registered/);
  });

  it('reports an index function that throws and keeps the write', async () => {
    const errors: string[] = [];
    const store = new MemoryStore({ onError: (_error, context) => errors.push(context) });
    store.addEqualityIndex({
      kind: '/ConfigMap',
      name: 'broken',
      keys: () => {
        throw new Error('boom');
      },
    });
    await store.apply(configMap('a', 'x'), manager);
    expect(store.get('/ConfigMap', 'a', 'x')).toBeDefined();
    expect(errors).toEqual(['index broken of ConfigMap a/x']);
  });
});

describe('MemoryStore range indexes', () => {
  it.each([
    ['inside one range', ['10.0.0.5', '10.0.0.5'], ['a']],
    ['spanning two objects', ['10.0.0.8', '10.0.1.2'], ['a', 'b']],
    ['touching the last address', ['10.0.2.255', '10.0.3.0'], ['c']],
    ['between ranges', ['10.0.0.11', '10.0.0.255'], []],
    ['covering everything, by address', ['0.0.0.0', '255.255.255.255'], ['a', 'b', 'c', 'a']],
  ] as [string, [string, string], string[]][])('%s', async (_label, [first, last], expected) => {
    const store = new MemoryStore();
    store.addRangeIndex({ kind: 'kubeovn.io/Subnet', name: 'exclude', ranges: subnetRanges });
    await store.apply(subnet('c', [['10.0.2.0', '10.0.2.255']]), manager);
    await store.apply(
      subnet('a', [
        ['10.0.0.1', '10.0.0.10'],
        ['10.1.0.0', '10.1.0.0'],
      ]),
      manager,
    );
    await store.apply(subnet('b', [['10.0.1.0', '10.0.1.255']]), manager);
    const hits = store.overlapping('kubeovn.io/Subnet', 'exclude', v4(first, last));
    expect(hits.map((hit) => hit.object.metadata.name)).toEqual(expected);
  });

  it('follows updates and deletes', async () => {
    const store = new MemoryStore();
    store.addRangeIndex({ kind: 'kubeovn.io/Subnet', name: 'exclude', ranges: subnetRanges });
    await store.apply(subnet('a', [['10.0.0.1', '10.0.0.10']]), manager);
    const query = v4('10.0.0.5', '10.0.0.5');
    expect(store.overlapping('kubeovn.io/Subnet', 'exclude', query)).toHaveLength(1);
    await store.apply(subnet('a', [['10.0.9.1', '10.0.9.10']]), manager);
    expect(store.overlapping('kubeovn.io/Subnet', 'exclude', query)).toHaveLength(0);
    const moved = store.overlapping('kubeovn.io/Subnet', 'exclude', v4('10.0.9.3', '10.0.9.3'));
    expect(moved[0]?.range).toEqual(v4('10.0.9.1', '10.0.9.10'));
    await store.delete({ groupKind: 'kubeovn.io/Subnet', namespace: '', name: 'a' });
    expect(store.overlapping('kubeovn.io/Subnet', 'exclude', v4('0.0.0.0', '255.255.255.255'))).toEqual([]);
  });

  it('refuses an unknown range index', () => {
    expect(() => new MemoryStore().overlapping('kubeovn.io/Subnet', 'x', v4('10.0.0.1', '10.0.0.1'))).toThrow(
      /no range index x/,
    );
  });
});

describe('MemoryStore watch', () => {
  it('delivers ADDED, MODIFIED and DELETED, nothing for a write that changes nothing', async () => {
    const store = new MemoryStore();
    const events: string[] = [];
    const unsubscribe = store.watch('/ConfigMap', (event: WatchEvent) =>
      events.push(`${event.type} ${event.object.metadata.name} ${event.object.metadata.resourceVersion}`),
    );
    store.watch('/Secret', (event) => events.push(`secret ${event.type}`));
    await store.apply(configMap('a', 'x', { k: '1' }), manager);
    await store.apply(configMap('a', 'x', { k: '1' }), manager);
    await store.apply(configMap('a', 'x', { k: '2' }), manager);
    await store.patchStatus({ groupKind: '/ConfigMap', namespace: 'a', name: 'x' }, { seen: true }, manager);
    await store.delete({ groupKind: '/ConfigMap', namespace: 'a', name: 'x' });
    unsubscribe();
    await store.apply(configMap('a', 'y'), manager);
    expect(events).toEqual(['ADDED x 1', 'MODIFIED x 2', 'MODIFIED x 3', 'DELETED x 3']);
  });

  it('keeps delivering when one handler throws', async () => {
    const errors: string[] = [];
    const store = new MemoryStore({ onError: (error) => errors.push(String(error)) });
    const seen: string[] = [];
    store.watch('/ConfigMap', () => {
      throw new Error('handler failed');
    });
    store.watch('/ConfigMap', (event) => seen.push(event.type));
    await store.apply(configMap('a', 'x'), manager);
    expect(seen).toEqual(['ADDED']);
    expect(errors).toEqual(['Error: handler failed']);
  });
});

describe('MemoryStore delete', () => {
  const key = { groupKind: '/ConfigMap' as const, namespace: 'a', name: 'x' };

  it.each([
    ['no preconditions', {}, true],
    ['matching uid', { uid: 'UID' }, true],
    ['matching resourceVersion', { resourceVersion: '1' }, true],
    ['stale resourceVersion', { resourceVersion: '0' }, 'PreconditionFailedError'],
    ['other uid', { uid: 'other' }, 'PreconditionFailedError'],
    ['matching uid, stale resourceVersion', { uid: 'UID', resourceVersion: '7' }, 'PreconditionFailedError'],
  ] as const)('%s', async (_label, preconditions, outcome) => {
    const store = new MemoryStore();
    const created = await store.apply(configMap('a', 'x'), manager);
    const resolved = {
      ...preconditions,
      ...('uid' in preconditions && preconditions.uid === 'UID' ? { uid: created.metadata.uid } : {}),
    };
    if (outcome === true) {
      await expect(store.delete(key, resolved)).resolves.toBe(true);
      expect(store.get('/ConfigMap', 'a', 'x')).toBeUndefined();
    } else {
      await expect(store.delete(key, resolved)).rejects.toMatchObject({ name: outcome, key });
      expect(store.get('/ConfigMap', 'a', 'x')).toBeDefined();
    }
  });

  it('resolves false for an absent object', async () => {
    await expect(new MemoryStore().delete(key, { uid: 'x' })).resolves.toBe(false);
  });

  it('waits for finalizers, then removes the object once the last one is gone', async () => {
    const store = new MemoryStore({ now: () => new Date('2026-05-06T07:08:09Z') });
    const withFinalizer = {
      ...configMap('a', 'x'),
      metadata: { namespace: 'a', name: 'x', finalizers: ['acpnet/ipam'] },
    };
    await store.apply(withFinalizer, manager);
    await expect(store.delete(key)).resolves.toBe(true);
    expect(store.get('/ConfigMap', 'a', 'x')?.metadata.deletionTimestamp).toBe('2026-05-06T07:08:09Z');
    await expect(store.delete(key)).resolves.toBe(true);
    const events: string[] = [];
    store.watch('/ConfigMap', (event) => events.push(event.type));
    await store.apply(configMap('a', 'x'), manager);
    expect(store.get('/ConfigMap', 'a', 'x')).toBeUndefined();
    expect(events).toEqual(['DELETED']);
  });
});

describe('MemoryStore load', () => {
  it('keeps what loaded objects carry and continues the resourceVersion counter above them', async () => {
    const store = new MemoryStore();
    store.load([
      { ...configMap('a', 'x'), metadata: { namespace: 'a', name: 'x', uid: 'u-1', resourceVersion: '41' } },
      configMap('a', 'y'),
    ]);
    expect(store.get('/ConfigMap', 'a', 'x')?.metadata).toMatchObject({ uid: 'u-1', resourceVersion: '41' });
    expect(store.get('/ConfigMap', 'a', 'y')?.metadata.resourceVersion).toBe('42');
    const next = await store.apply(configMap('a', 'z'), manager);
    expect(next.metadata.resourceVersion).toBe('43');
    expect(store.size()).toBe(3);
  });

  it('gives the same identity the same uid in every store', async () => {
    const a = await new MemoryStore().apply(configMap('a', 'x'), manager);
    const b = await new MemoryStore().apply(configMap('a', 'x', { other: 'data' }), {
      fieldManager: 'other',
    });
    const c = await new MemoryStore().apply(configMap('a', 'y'), manager);
    expect(a.metadata.uid).toBe(b.metadata.uid);
    expect(a.metadata.uid).not.toBe(c.metadata.uid);
  });
});
