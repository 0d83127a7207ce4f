import { compareStrings, isPlainObject, type JsonObject } from '../json-value.js';

/** A field of an object as the keys leading to it; lists and scalars are leaves (atomic). */
export type FieldPath = readonly string[];

/** Set of field paths keyed by their JSON text, so paths compare by value. */
export type FieldSet = Map<string, FieldPath>;

/**
 * Each key followed by NUL: injective while no key holds a NUL, and such paths fall back to JSON
 * text, which never contains a raw NUL and never ends with one.
 */
export function pathKey(path: FieldPath): string {
  let key = '';
  for (const part of path) {
    if (part.includes('\u0000')) return JSON.stringify(path);
    key += `${part}\u0000`;
  }
  return key;
}

export function fieldSet(paths: Iterable<FieldPath>): FieldSet {
  const set: FieldSet = new Map();
  for (const path of paths) set.set(pathKey(path), path);
  return set;
}

/** Every leaf under `value`: scalars, lists, and empty maps. */
export function leafPaths(value: unknown, prefix: FieldPath = []): FieldPath[] {
  const out: FieldPath[] = [];
  collectLeaves(value, prefix, out);
  return out;
}

function collectLeaves(value: unknown, prefix: FieldPath, out: FieldPath[]): void {
  if (!isPlainObject(value)) {
    out.push(prefix);
    return;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) out.push(prefix);
  for (const key of keys) collectLeaves(value[key], [...prefix, key], out);
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

/** `parent[key]` (a map), replaced by a mutable copy first when it is frozen (shared with a stored object). */
export function writable(parent: JsonObject, key: string, child: JsonObject): JsonObject {
  if (!Object.isFrozen(child)) return child;
  const copy = { ...child };
  parent[key] = copy;
  return copy;
}

/**
 * Deletes the field at `path` from a mutable object (frozen maps on the way are copied first), then removes maps left empty on the way up,
 * except those in `keep` (fields someone owns as a whole).
 */
export function deleteAt(root: JsonObject, path: FieldPath, keep: (path: FieldPath) => boolean): void {
  if (path.length === 0) return;
  const parents: JsonObject[] = [root];
  for (const key of path.slice(0, -1)) {
    const parent = parents[parents.length - 1]!;
    const next = parent[key];
    if (!isPlainObject(next)) return;
    parents.push(writable(parent, key, next));
  }
  delete parents[parents.length - 1]![path[path.length - 1]!];
  for (let depth = parents.length - 1; depth > 0; depth--) {
    const parentPath = path.slice(0, depth);
    if (Object.keys(parents[depth]!).length > 0 || keep(parentPath)) break;
    delete parents[depth - 1]![parentPath[parentPath.length - 1]!];
  }
}

/**
 * Orders the members of one FieldsV1 map as sorting whole paths by their JSON text would: by the
 * escaped key followed by its closing quote, which is the order of the keys' JSON strings.
 */
function compareJsonKeys(a: string, b: string): number {
  return compareStrings(JSON.stringify(a), JSON.stringify(b));
}

interface PathTrie {
  children: Map<string, PathTrie>;
}

function toFieldsV1(node: PathTrie): JsonObject {
  const out: JsonObject = {};
  const keys = [...node.children.keys()];
  if (keys.length > 1) keys.sort(compareJsonKeys);
  for (const key of keys) out[`f:${key}`] = toFieldsV1(node.children.get(key)!);
  return out;
}

/** Maps made by encodeFieldsV1, so a writer can tell an entry is already in its canonical form. */
const canonicalEncodings = new WeakSet<object>();

/** Whether `fieldsV1` came from encodeFieldsV1 (and so re-encoding its paths gives the same map). */
export function isCanonicalEncoding(fieldsV1: unknown): boolean {
  return typeof fieldsV1 === 'object' && fieldsV1 !== null && canonicalEncodings.has(fieldsV1);
}

/** Encodes paths in the API server's FieldsV1 form: {"f:spec":{"f:replicas":{}}}. */
export function encodeFieldsV1(paths: Iterable<FieldPath>): JsonObject {
  const root: PathTrie = { children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      let child = node.children.get(key);
      if (!child) {
        child = { children: new Map() };
        node.children.set(key, child);
      }
      node = child;
    }
  }
  const encoded = toFieldsV1(root);
  canonicalEncodings.add(encoded);
  return encoded;
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
