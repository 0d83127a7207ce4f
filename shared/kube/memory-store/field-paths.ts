import { compareStrings, isPlainObject, type JsonObject } from '../json-value.js';

/** A field of an object as the keys leading to it; lists and scalars are leaves (atomic). */
export type FieldPath = readonly string[];

/** Set of field paths keyed by their JSON text, so paths compare by value. */
export type FieldSet = Map<string, FieldPath>;

export function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

export function fieldSet(paths: Iterable<FieldPath>): FieldSet {
  const set: FieldSet = new Map();
  for (const path of paths) set.set(pathKey(path), path);
  return set;
}

/** Every leaf under `value`: scalars, lists, and empty maps. */
export function leafPaths(value: unknown, prefix: FieldPath = []): FieldPath[] {
  if (!isPlainObject(value)) return [prefix];
  const keys = Object.keys(value);
  if (keys.length === 0) return [prefix];
  const out: FieldPath[] = [];
  for (const key of keys) out.push(...leafPaths(value[key], [...prefix, key]));
  return out;
}

export function getAt(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const key of path) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** True when one path is the other or lies inside it. */
export function overlaps(a: FieldPath, b: FieldPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Deletes the field at `path` from a mutable object, then removes maps left empty on the way up,
 * except those in `keep` (fields someone owns as a whole).
 */
export function deleteAt(root: JsonObject, path: FieldPath, keep: (path: FieldPath) => boolean): void {
  if (path.length === 0) return;
  const parents: JsonObject[] = [root];
  for (const key of path.slice(0, -1)) {
    const next = parents[parents.length - 1]![key];
    if (!isPlainObject(next)) return;
    parents.push(next);
  }
  delete parents[parents.length - 1]![path[path.length - 1]!];
  for (let depth = parents.length - 1; depth > 0; depth--) {
    const parentPath = path.slice(0, depth);
    if (Object.keys(parents[depth]!).length > 0 || keep(parentPath)) break;
    delete parents[depth - 1]![parentPath[parentPath.length - 1]!];
  }
}

/** Encodes paths in the API server's FieldsV1 form: {"f:spec":{"f:replicas":{}}}. */
export function encodeFieldsV1(paths: Iterable<FieldPath>): JsonObject {
  const root: JsonObject = {};
  const sorted = [...paths].sort((a, b) => compareStrings(pathKey(a), pathKey(b)));
  for (const path of sorted) {
    let node = root;
    for (const key of path) {
      const member = `f:${key}`;
      node[member] ??= {};
      node = node[member] as JsonObject;
    }
  }
  return root;
}

/**
 * Decodes FieldsV1 into leaf paths. Entries below list items (`k:`, `v:`, `i:`) make the list
 * itself the owned field, since lists are atomic here.
 */
export function decodeFieldsV1(fields: unknown, prefix: FieldPath = []): FieldPath[] {
  if (!isPlainObject(fields)) return prefix.length > 0 ? [prefix] : [];
  const members = Object.keys(fields).filter((key) => key !== '.');
  if (members.length === 0) return prefix.length > 0 ? [prefix] : [];
  if (members.some((key) => !key.startsWith('f:'))) return prefix.length > 0 ? [prefix] : [];
  const out: FieldPath[] = [];
  for (const member of members) out.push(...decodeFieldsV1(fields[member], [...prefix, member.slice(2)]));
  return out;
}
