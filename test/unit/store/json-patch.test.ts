import { describe, expect, it } from '@jest/globals';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { ConflictError } from '../../../shared/kube/store.js';

const KEY = { groupKind: 'apps/DaemonSet', namespace: 'kube-system', name: 'speaker' } as const;
const options = { fieldManager: 'acpnet-test' };

function daemonSet(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'speaker', namespace: 'kube-system', annotations: { 'a/b': 'x' } },
    spec: { template: { spec: { containers: [{ name: 'speaker', image: 'img', args: ['--v=3'] }] } } },
  };
}

function newStore(): MemoryStore {
  const store = new MemoryStore({ now: () => new Date('2026-01-01T00:00:00Z') });
  store.load([daemonSet()]);
  return store;
}

describe('MemoryStore JSON patch', () => {
  it('replaces one container member and an escaped annotation, leaving the rest, and records the writer', async () => {
    const store = newStore();
    const after = await store.patch(
      KEY,
      [
        { op: 'test', path: '/spec/template/spec/containers/0/name', value: 'speaker' },
        { op: 'add', path: '/spec/template/spec/containers/0/args', value: ['--v=4'] },
        { op: 'add', path: '/metadata/annotations/acpnet.io~1flags', value: '--v' },
      ],
      options,
    );
    expect(after?.spec).toEqual({
      template: { spec: { containers: [{ name: 'speaker', image: 'img', args: ['--v=4'] }] } },
    });
    expect(after?.metadata.annotations).toEqual({ 'a/b': 'x', 'acpnet.io/flags': '--v' });
    expect(after?.metadata.managedFields).toEqual([
      expect.objectContaining({ manager: 'acpnet-test', operation: 'Update' }),
    ]);
  });

  it('a failed test is a conflict and changes nothing', async () => {
    const store = newStore();
    const before = store.get(KEY.groupKind, KEY.namespace, KEY.name);
    await expect(
      store.patch(
        KEY,
        [
          { op: 'test', path: '/spec/template/spec/containers/0/args', value: ['--v=2'] },
          { op: 'replace', path: '/spec/template/spec/containers/0/args', value: [] },
        ],
        options,
      ),
    ).rejects.toThrow(ConflictError);
    expect(store.get(KEY.groupKind, KEY.namespace, KEY.name)).toBe(before);
  });

  it.each([
    [
      'a path through a missing member',
      '/spec/nothing/here',
      'JSON patch path /spec/nothing/here does not exist',
    ],
    [
      'an index past the end',
      '/spec/template/spec/containers/3/args',
      'JSON patch path /spec/template/spec/containers/3/args does not exist',
    ],
    ['a pointer without a leading slash', 'spec', 'JSON pointer "spec" must start with "/"'],
  ])('refuses %s, naming the pointer', async (_case, path, message) => {
    const store = newStore();
    await expect(store.patch(KEY, [{ op: 'replace', path, value: 1 }], options)).rejects.toThrow(message);
  });

  it('a patch of an object that does not exist resolves undefined', async () => {
    expect(await newStore().patch({ ...KEY, name: 'gone' }, [], options)).toBeUndefined();
  });
});
