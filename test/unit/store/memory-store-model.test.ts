import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import type { IPRange } from '../../../shared/net/range.js';

/** A cluster-scoped object holding a label and one IPv4 range in its annotations. */
interface Spec {
  name: string;
  app: string;
  first: number;
  size: number;
}

type Op = { kind: 'apply'; spec: Spec } | { kind: 'delete'; name: string };

const names = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'A', 'a-1', 'b.x');
const specArb = fc.record({
  name: names,
  app: fc.constantFrom('web', 'db', 'cache'),
  first: fc.integer({ min: 0, max: 200 }),
  size: fc.integer({ min: 1, max: 20 }),
});
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('apply' as const), spec: specArb }),
  fc.record({ kind: fc.constant('delete' as const), name: names }),
);

function objectOf(spec: Spec): KubeObject {
  return {
    apiVersion: 'example.com/v1',
    kind: 'Pool',
    metadata: { name: spec.name, labels: { app: spec.app } },
    spec: { first: spec.first, last: spec.first + spec.size - 1 },
  };
}

function rangeOf(obj: KubeObject): IPRange {
  const spec = obj.spec as { first: number; last: number };
  return { family: 4, first: BigInt(spec.first), last: BigInt(spec.last) };
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('MemoryStore against a brute-force model', () => {
  it('lists, equality lookups and overlap queries agree with the model after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 220 }),
        fc.integer({ min: 0, max: 30 }),
        async (ops, queryFirst, querySize) => {
          const store = new MemoryStore();
          store.addEqualityIndex({
            kind: 'example.com/Pool',
            name: 'app',
            keys: (o) => [o.metadata.labels?.app ?? ''],
          });
          store.addRangeIndex({ kind: 'example.com/Pool', name: 'range', ranges: (o) => [rangeOf(o)] });
          const model = new Map<string, Spec>();
          for (const op of ops) {
            if (op.kind === 'apply') {
              await store.apply(objectOf(op.spec), { fieldManager: 'model' });
              model.set(op.spec.name, op.spec);
            } else {
              const existed = await store.delete({
                groupKind: 'example.com/Pool',
                namespace: '',
                name: op.name,
              });
              expect(existed).toBe(model.delete(op.name));
            }
          }
          const expectedNames = [...model.keys()].sort(byCodeUnits);
          expect(store.list('example.com/Pool').map((o) => o.metadata.name)).toEqual(expectedNames);
          for (const app of ['web', 'db', 'cache']) {
            expect(store.byIndex('example.com/Pool', 'app', app).map((o) => o.metadata.name)).toEqual(
              expectedNames.filter((name) => model.get(name)?.app === app),
            );
          }
          const queryLast = queryFirst + querySize;
          const hits = store
            .overlapping('example.com/Pool', 'range', {
              family: 4,
              first: BigInt(queryFirst),
              last: BigInt(queryLast),
            })
            .map((hit) => hit.object.metadata.name ?? '')
            .sort(byCodeUnits);
          const expectedHits = [...model.values()]
            .filter((spec) => spec.first <= queryLast && spec.first + spec.size - 1 >= queryFirst)
            .map((spec) => spec.name)
            .sort(byCodeUnits);
          expect(hits).toEqual(expectedHits);
        },
      ),
      { numRuns: 200 },
    );
  });
});
