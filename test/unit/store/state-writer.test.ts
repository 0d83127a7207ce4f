import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { parseManifests } from '../../../shared/kube/manifests.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { loadStateDir, stableYaml, stateFiles, writeState } from '../../../shared/kube/state-writer.js';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/manifests/state/objects.yaml');
const fixtureObjects = parseManifests(readFileSync(fixture, 'utf8'), fixture).manifests.map((m) => m.object);
const clock = () => new Date('2026-01-01T00:00:00Z');

async function storeOf(objects: readonly KubeObject[]): Promise<MemoryStore> {
  const store = new MemoryStore({ now: clock });
  for (const obj of objects) await store.apply(obj, { fieldManager: 'fixture' });
  return store;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(dir, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)],
    )
    .sort();
}

/** Rebuilds an object with its keys inserted in reverse order at every level. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    ) as T;
  }
  return value;
}

describe('writeState', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'acpnet-state-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lays objects out by namespace and kind', async () => {
    const result = await writeState(await storeOf(fixtureObjects), dir);
    expect(result.files).toBe(4);
    expect(listFiles(dir)).toEqual([
      '_cluster/Namespace-team-a.yaml',
      '_cluster/Subnet-net1.yaml',
      'team-a/ConfigMap-awkward.yaml',
      'team-a/Gateway-eg.yaml',
    ]);
  });

  it('round-trips every object unchanged through loadStateDir', async () => {
    const store = await storeOf(fixtureObjects);
    await writeState(store, dir);
    const reloaded = new MemoryStore({ now: clock });
    reloaded.load(await loadStateDir(dir));
    expect(reloaded.kinds()).toEqual(store.kinds());
    for (const kind of store.kinds()) expect(reloaded.list(kind)).toEqual(store.list(kind));
  });

  it('writes the same bytes whatever order keys were written in', async () => {
    const first = path.join(dir, 'first');
    const second = path.join(dir, 'second');
    await writeState(await storeOf(fixtureObjects), first);
    await writeState(await storeOf(fixtureObjects.map(reversedKeys)), second);
    const files = listFiles(first);
    expect(listFiles(second)).toEqual(files);
    for (const file of files) {
      expect(await readFile(path.join(second, file), 'utf8')).toBe(
        await readFile(path.join(first, file), 'utf8'),
      );
    }
  });

  it('removes object files of an earlier run and leaves other files alone', async () => {
    const store = await storeOf(fixtureObjects);
    await writeState(store, dir);
    await writeFile(path.join(dir, 'README.txt'), 'notes');
    await mkdir(path.join(dir, 'team-a', 'keep'));
    await store.delete({ groupKind: '/ConfigMap', namespace: 'team-a', name: 'awkward' });
    await store.delete({ groupKind: 'gateway.networking.k8s.io/Gateway', namespace: 'team-a', name: 'eg' });
    await writeState(store, dir);
    expect(listFiles(dir)).toEqual([
      'README.txt',
      '_cluster/Namespace-team-a.yaml',
      '_cluster/Subnet-net1.yaml',
    ]);
    expect(await readdir(path.join(dir, 'team-a'))).toEqual(['keep']);
  });

  it('rejects a missing state directory with the path named', async () => {
    const missing = path.join(dir, 'nowhere');
    await expect(loadStateDir(missing)).rejects.toThrow(`${missing}: cannot read: no such file or directory`);
  });
});

describe('stateFiles and stableYaml', () => {
  const gateway = (apiVersion: string): KubeObject => ({
    apiVersion,
    kind: 'Gateway',
    metadata: { name: 'eg', namespace: 'ns' },
  });

  it.each([
    ['one kind per name', [gateway('gateway.networking.k8s.io/v1')], ['ns/Gateway-eg.yaml']],
    [
      'two groups with one kind name',
      [gateway('gateway.networking.k8s.io/v1'), gateway('networking.istio.io/v1')],
      ['ns/Gateway.gateway.networking.k8s.io-eg.yaml', 'ns/Gateway.networking.istio.io-eg.yaml'],
    ],
    [
      'a cluster-scoped object',
      [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns' } }],
      ['_cluster/Namespace-ns.yaml'],
    ],
  ] as [string, KubeObject[], string[]][])('%s', (_label, objects, files) => {
    expect([...stateFiles(objects).keys()]).toEqual(files);
  });

  it('sorts keys at every level and quotes strings that would read back as other types', () => {
    const text = stableYaml({
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { namespace: 'a', name: 'x' },
      data: { z: 'yes', a: '0777', m: '12:30', t: '2024-01-02T03:04:05Z' },
    });
    expect(text).toBe(
      [
        'apiVersion: v1',
        'data:',
        '  a: "0777"',
        '  m: "12:30"',
        '  t: "2024-01-02T03:04:05Z"',
        '  z: "yes"',
        'kind: ConfigMap',
        'metadata:',
        '  name: x',
        '  namespace: a',
        '',
      ].join('\n'),
    );
  });
});
