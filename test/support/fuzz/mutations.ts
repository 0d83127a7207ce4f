import fc from 'fast-check';
import { hostileValues } from './hostile-values.js';

type Path = (string | number)[];

/** One change to a JSON value: `at` picks a place among all of its values (modulo their count). */
export type Mutation =
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'delete'; at: number }
  | { op: 'add'; at: number; key: string; value: unknown }
  | { op: 'retype'; at: number };

/** Every path to a value inside `value` (the root excluded), walked without recursion. */
function pathsOf(value: unknown): Path[] {
  const paths: Path[] = [];
  const stack: [unknown, Path][] = [[value, []]];
  while (stack.length > 0) {
    const [here, path] = stack.pop() as [unknown, Path];
    if (path.length > 0) paths.push(path);
    if (Array.isArray(here)) for (const [i, item] of here.entries()) stack.push([item, [...path, i]]);
    else if (typeof here === 'object' && here !== null) {
      for (const [key, item] of Object.entries(here)) stack.push([item, [...path, key]]);
    }
  }
  return paths;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let cursor = root;
  for (const key of path.slice(0, -1)) cursor = (cursor as Record<string | number, unknown>)[key];
  return typeof cursor === 'object' && cursor !== null
    ? (cursor as Record<string | number, unknown>)
    : undefined;
}

/** The value of the other JSON type a confused writer would give: `"80"` for 80, `[x]` for x. */
function retyped(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return Number.isNaN(Number(value)) ? [value] : Number(value);
  if (typeof value === 'boolean') return value ? 'true' : 0;
  if (Array.isArray(value)) return value[0] ?? {};
  if (value === null) return {};
  return [value];
}

/** Sets a member as JSON.parse would: `__proto__` as an own key, not the prototype. */
function ownMember(target: object, key: string, value: unknown): object {
  return Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `value` with the mutations applied in order, on a copy. */
export function applyMutations<T>(value: T, mutations: readonly Mutation[]): T {
  const root = structuredClone(value) as unknown;
  for (const mutation of mutations) {
    const paths = pathsOf(root);
    const path = paths[mutation.at % Math.max(paths.length, 1)];
    const parent = path ? parentOf(root, path) : undefined;
    const key = path?.[path.length - 1];
    if (!parent || key === undefined) continue;
    // A generated value may be a shared constant: inserted as is, a later mutation could add it to
    // itself (a cycle no JSON can hold) or change it for every later case.
    const inserted = 'value' in mutation ? structuredClone(mutation.value) : undefined;
    switch (mutation.op) {
      case 'replace':
        parent[key] = inserted;
        break;
      case 'delete':
        if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
        else delete parent[key];
        break;
      case 'add': {
        const target = parent[key];
        if (Array.isArray(target)) target.push(inserted);
        else if (typeof target === 'object' && target !== null) ownMember(target, mutation.key, inserted);
        else parent[key] = ownMember({}, mutation.key, inserted);
        break;
      }
      case 'retype':
        parent[key] = retyped(parent[key]);
        break;
    }
  }
  return root as T;
}

const at = fc.nat();
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('replace' as const), at, value: hostileValues }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), at }), weight: 2 },
  {
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      at,
      key: fc.oneof(fc.constantFrom('spec', 'status', 'extra', '__proto__', 'constructor'), fc.string()),
      value: hostileValues,
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('retype' as const), at }), weight: 2 },
);

/** `values` unchanged sometimes, else with one to three mutations. */
export function mutated<T>(values: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof(
    { arbitrary: values, weight: 1 },
    {
      arbitrary: fc
        .tuple(values, fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([value, mutations]) => applyMutations(value, mutations)),
      weight: 3,
    },
  );
}
