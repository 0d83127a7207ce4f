import { describe, expect, it } from '@jest/globals';
import { allFunctions } from '../../../functions/registry.js';
import {
  compareResourceVersions,
  DedupWindow,
  VersionTracker,
} from '../../../functions/runtime/convergence.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { buildChangeEvent } from '../../../shared/events/apiserver.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { type EventSpec, feed, newRuntime, readYaml, snapshot } from './harness.js';

const state = readYaml<KubeObject[]>('ingress-sync/state.yaml');
const kinds = ['crd.alauda.io/Rule', 'crd.alauda.io/Frontend', 'networking.k8s.io/Ingress'] as const;

function ingress(rv: string, paths: readonly string[], uid = 'uid-a'): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'a', namespace: 'demo', uid, resourceVersion: rv },
    spec: {
      ingressClassName: 'alb-demo',
      rules: [
        {
          http: {
            paths: paths.map((p) => ({
              path: p,
              pathType: 'Prefix',
              backend: { service: { name: 'web', port: { number: 80 } } },
            })),
          },
        },
      ],
    },
  };
}

function urls(store: Awaited<ReturnType<typeof newRuntime>>['store']): string[] {
  return store
    .list('crd.alauda.io/Rule')
    .map((r) => (r.spec as { url: string }).url)
    .sort();
}

describe('DedupWindow and VersionTracker', () => {
  it('forgets the oldest id beyond its capacity', () => {
    const window = new DedupWindow(2);
    for (const id of ['a', 'b', 'c']) window.remember(id);
    expect([window.has('a'), window.has('b'), window.has('c'), window.size]).toEqual([false, true, true, 2]);
  });

  it.each([
    ['9', '10', -1],
    ['10', '10', 0],
    ['100000000000000000001', '100000000000000000000', 1],
    ['abc', '10', undefined],
  ])('compares resourceVersion %s with %s', (a, b, order) => {
    expect(compareResourceVersions(a, b)).toBe(order);
  });

  it.each<[string, { type: 'add' | 'update' | 'delete'; resourceVersion?: string; uid?: string }[], string]>([
    [
      'a newer update',
      [
        { type: 'update', resourceVersion: '5', uid: 'u' },
        { type: 'update', resourceVersion: '6', uid: 'u' },
      ],
      'fresh',
    ],
    [
      'an older update',
      [
        { type: 'update', resourceVersion: '5', uid: 'u' },
        { type: 'update', resourceVersion: '4', uid: 'u' },
      ],
      'stale',
    ],
    [
      'an update after the delete',
      [
        { type: 'delete', resourceVersion: '7', uid: 'u' },
        { type: 'update', resourceVersion: '8', uid: 'u' },
      ],
      'deleted',
    ],
    [
      'a recreated object',
      [
        { type: 'delete', resourceVersion: '7', uid: 'u' },
        { type: 'add', resourceVersion: '3', uid: 'v' },
      ],
      'fresh',
    ],
    [
      'opaque versions',
      [
        { type: 'update', resourceVersion: 'x', uid: 'u' },
        { type: 'update', resourceVersion: 'w', uid: 'u' },
      ],
      'fresh',
    ],
  ])('judges %s', (_what, events, verdict) => {
    const tracker = new VersionTracker(10);
    const [first, second] = events;
    tracker.record('k', first!);
    expect(tracker.judge('k', second!)).toBe(verdict);
  });
});

describe('convergence of ingress-sync', () => {
  it('skips a redelivered event and leaves the store untouched', async () => {
    const { store, processor } = await newRuntime(state);
    const add: EventSpec = { type: 'add', object: ingress('5', ['/a']), id: 'same' };
    await feed(processor, [add]);
    const before = snapshot(store, kinds);
    const [again] = await feed(processor, [add]);
    expect(again?.outcome).toBe('duplicate');
    expect(snapshot(store, kinds)).toEqual(before);
  });

  it('changes nothing when the same content arrives under a new id', async () => {
    const { store, processor } = await newRuntime(state);
    await feed(processor, [{ type: 'add', object: ingress('5', ['/a']), id: 'one' }]);
    const derived = ['crd.alauda.io/Rule', 'crd.alauda.io/Frontend'] as const;
    const before = snapshot(store, derived);
    const [result] = await feed(processor, [{ type: 'update', object: ingress('6', ['/a']), id: 'two' }]);
    expect(result?.outcome).toBe('processed');
    expect(result?.effects).toEqual([]);
    expect(snapshot(store, derived)).toEqual(before);
  });

  it('skips an update older than the last one seen', async () => {
    const { store, processor } = await newRuntime(state);
    const results = await feed(processor, [
      { type: 'add', object: ingress('5', ['/a']) },
      { type: 'update', object: ingress('7', ['/new']) },
      { type: 'update', object: ingress('6', ['/old']) },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['processed', 'processed', 'stale']);
    expect(urls(store)).toEqual(['/new']);
  });

  it('after a restart, skips redelivered updates older than the mirrored object (state kept in the store)', async () => {
    const { store, processor } = await newRuntime(state);
    await feed(processor, [
      { type: 'add', object: ingress('5', ['/a']) },
      { type: 'update', object: ingress('7', ['/new']) },
    ]);
    // A new process on the same store: its in-memory version tracker is empty.
    const restarted = new EventProcessor({
      store,
      functions: allFunctions,
      mirror: true,
      logger: createLogger('silent'),
    });
    const results = await feed(restarted, [
      { type: 'add', object: ingress('5', ['/a']) },
      { type: 'update', object: ingress('7', ['/new']) },
    ]);
    expect(results.map((r) => [r.outcome, r.effects.length])).toEqual([
      ['stale', 0],
      ['processed', 0],
    ]);
    expect(urls(store)).toEqual(['/new']);
  });

  it('lets a delete win over an update that arrives after it', async () => {
    const { store, processor } = await newRuntime(state);
    const results = await feed(processor, [
      { type: 'add', object: ingress('5', ['/a']) },
      { type: 'delete', object: ingress('8', ['/a']) },
      { type: 'update', object: ingress('7', ['/late']) },
      { type: 'update', object: ingress('9', ['/later']) },
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['processed', 'processed', 'stale', 'stale']);
    expect(urls(store)).toEqual([]);
    expect(store.get('networking.k8s.io/Ingress', 'demo', 'a')).toBeUndefined();
  });

  it('accepts an object recreated under the same name after a delete', async () => {
    const { store, processor } = await newRuntime(state);
    await feed(processor, [
      { type: 'add', object: ingress('5', ['/a']) },
      { type: 'delete', object: ingress('8', ['/a']) },
      { type: 'add', object: ingress('9', ['/again'], 'uid-b') },
    ]);
    expect(urls(store)).toEqual(['/again']);
  });

  it('gives the same state for the same events in the same order', async () => {
    const events: EventSpec[] = [
      { type: 'add', object: ingress('1', ['/a', '/b']) },
      { type: 'update', object: ingress('2', ['/b', '/c']) },
      { type: 'update', object: ingress('3', ['/c']) },
    ];
    const first = await newRuntime(state);
    const second = await newRuntime(state);
    await feed(first.processor, events);
    await feed(second.processor, events);
    expect(snapshot(first.store, kinds)).toEqual(snapshot(second.store, kinds));
    expect(urls(first.store)).toEqual(['/c']);
  });
});

describe('Reference-mode events', () => {
  it('resolves the object by a read and syncs it; a vanished object is ignored', async () => {
    const stored = ingress('5', ['/ref']);
    const { store, processor } = await newRuntime([...state, stored]);
    const ref = buildChangeEvent('update', stored, { source: 'test://ref', mode: 'ref' });
    const result = await processor.process(ref);
    expect(result.outcome).toBe('processed');
    expect(urls(store)).toEqual(['/ref']);

    const gone = { ...stored, metadata: { ...stored.metadata, name: 'gone', uid: 'uid-gone' } };
    const vanished = await processor.process(
      buildChangeEvent('add', gone, { source: 'test://ref', mode: 'ref' }),
    );
    expect(vanished.outcome).toBe('ignored');
  });

  it('deletes the Rules of an object named by a Reference-mode delete', async () => {
    const stored = ingress('5', ['/ref']);
    const { store, processor } = await newRuntime([...state, stored]);
    await processor.process(buildChangeEvent('add', stored, { source: 'test://ref', mode: 'ref' }));
    await processor.process(
      buildChangeEvent(
        'delete',
        { ...stored, metadata: { ...stored.metadata, resourceVersion: '6' } },
        { source: 'test://ref', mode: 'ref' },
      ),
    );
    expect(urls(store)).toEqual([]);
  });
});
