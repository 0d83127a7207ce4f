import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject, ObjectKey } from '../../../shared/kube/object.js';
import { keyOf } from '../../../shared/kube/object.js';

interface Step {
  apply?: { manager: string; force?: boolean; object: KubeObject };
  createIfAbsent?: { manager: string; created: boolean; object: KubeObject };
  patchStatus?: { manager: string; key: ObjectKey; status: unknown };
}

interface Case {
  name: string;
  steps: Step[];
  expect?: Record<string, unknown>;
  absent?: string[];
  error?: string;
}

const fixture = path.resolve(import.meta.dirname, '../../fixtures/manifests/store/apply-cases.yaml');
const cases = parse(readFileSync(fixture, 'utf8')) as Case[];

const clock = () => new Date('2026-01-02T03:04:05.678Z');

async function run(store: MemoryStore, step: Step): Promise<ObjectKey> {
  if (step.apply) {
    await store.apply(step.apply.object, {
      fieldManager: step.apply.manager,
      force: step.apply.force ?? false,
    });
    return keyOf(step.apply.object);
  }
  if (step.createIfAbsent) {
    const result = await store.createIfAbsent(step.createIfAbsent.object, {
      fieldManager: step.createIfAbsent.manager,
    });
    expect(result.created).toBe(step.createIfAbsent.created);
    return keyOf(step.createIfAbsent.object);
  }
  if (step.patchStatus) {
    await store.patchStatus(step.patchStatus.key, step.patchStatus.status, {
      fieldManager: step.patchStatus.manager,
    });
    return step.patchStatus.key;
  }
  throw new Error('fixture step without an operation');
}

function valueAt(obj: unknown, dotted: string): unknown {
  let current = obj;
  for (const part of dotted.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

describe('MemoryStore apply, createIfAbsent, patchStatus', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const store = new MemoryStore({ now: clock });
    const steps = testCase.steps;
    let key: ObjectKey | undefined;
    for (const step of steps.slice(0, -1)) key = await run(store, step);
    const last = steps[steps.length - 1]!;
    if (testCase.error) {
      const failure = await run(store, last).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).name).toBe(testCase.error);
      return;
    }
    key = await run(store, last);
    const stored = store.get(key.groupKind, key.namespace, key.name);
    expect(stored).toMatchObject(testCase.expect ?? {});
    for (const dotted of testCase.absent ?? []) expect(valueAt(stored, dotted)).toBeUndefined();
    expect(stored?.metadata.creationTimestamp).toBe('2026-01-02T03:04:05Z');
    expect(stored?.metadata.uid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('managed fields', () => {
  it('records each manager in FieldsV1 form', async () => {
    const store = new MemoryStore({ now: clock });
    await store.apply(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'm', namespace: 'default', labels: { app: 'x' } },
        data: { k: 'v' },
      },
      { fieldManager: 'ipam' },
    );
    await store.patchStatus(
      { groupKind: '/ConfigMap', namespace: 'default', name: 'm' },
      { phase: 'Bound' },
      { fieldManager: 'controller' },
    );
    expect(store.get('/ConfigMap', 'default', 'm')?.metadata.managedFields).toEqual([
      {
        manager: 'controller',
        operation: 'Update',
        apiVersion: 'v1',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:status': { 'f:phase': {} } },
        subresource: 'status',
      },
      {
        manager: 'ipam',
        operation: 'Apply',
        apiVersion: 'v1',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { 'f:k': {} }, 'f:metadata': { 'f:labels': { 'f:app': {} } } },
      },
    ]);
  });

  it('keeps ownership across a reload, so a later apply still removes dropped fields', async () => {
    const first = new MemoryStore({ now: clock });
    await first.apply(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'm', namespace: 'default' },
        data: { a: '1', b: '2' },
      },
      { fieldManager: 'ipam' },
    );
    const second = new MemoryStore({ now: clock });
    second.load(first.list('/ConfigMap'));
    const after = await second.apply(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'm', namespace: 'default' },
        data: { a: '1' },
      },
      { fieldManager: 'ipam' },
    );
    expect(after.data).toEqual({ a: '1' });
    expect(after.metadata.resourceVersion).toBe('2');
  });

  it('owns the list as a whole when a server entry names list items', async () => {
    const store = new MemoryStore({ now: clock });
    store.load([
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: {
          name: 'eg',
          namespace: 'default',
          managedFields: [
            {
              manager: 'kubectl',
              operation: 'Apply',
              apiVersion: 'gateway.networking.k8s.io/v1',
              fieldsType: 'FieldsV1',
              fieldsV1: { 'f:spec': { 'f:listeners': { 'k:{"name":"http"}': { '.': {}, 'f:port': {} } } } },
            },
          ],
        },
        spec: { listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] },
      },
    ]);
    await expect(
      store.apply(
        {
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind: 'Gateway',
          metadata: { name: 'eg', namespace: 'default' },
          spec: { listeners: [] },
        },
        { fieldManager: 'other' },
      ),
    ).rejects.toThrow(/spec\.listeners \(kubectl\)/);
  });
});
