import { parsePointer } from '../json-pointer.js';
import { deepEqual, isPlainObject } from '../json-value.js';
import type { JsonPatchOperation } from '../store.js';
import type { FieldPath } from './field-paths.js';

/** The test that failed, naming the pointer; the caller turns it into a conflict. */
export class PatchTestFailedError extends Error {
  constructor(readonly pointer: string) {
    super(`JSON patch test of ${pointer} failed: the value changed since the patch was planned`);
    this.name = 'PatchTestFailedError';
  }
}

type Container = Record<string, unknown> | unknown[];

function childOf(container: unknown, segment: string, pointer: string): Container {
  const child = Array.isArray(container)
    ? container[Number(segment)]
    : (container as Record<string, unknown>)[segment];
  if (!isPlainObject(child) && !Array.isArray(child))
    throw new Error(`JSON patch path ${pointer} does not exist`);
  return child;
}

/** Copies each container on the way down (stored objects are frozen) and returns the parent of the last segment. */
function writableParent(
  root: Record<string, unknown>,
  segments: readonly string[],
  pointer: string,
): Container {
  let parent: Container = root;
  for (const segment of segments.slice(0, -1)) {
    const child = childOf(parent, segment, pointer);
    const copy: Container = Array.isArray(child) ? [...child] : { ...child };
    if (Array.isArray(parent)) parent[Number(segment)] = copy;
    else parent[segment] = copy;
    parent = copy;
  }
  return parent;
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isPlainObject(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

function arrayIndex(list: unknown[], segment: string, pointer: string, adding: boolean): number {
  if (adding && segment === '-') return list.length;
  const index = Number(segment);
  const limit = adding ? list.length : list.length - 1;
  if (!/^(0|[1-9]\d*)$/.test(segment) || index > limit)
    throw new Error(`JSON patch path ${pointer}: no index ${segment}`);
  return index;
}

/**
 * Applies RFC 6902 operations (add, remove, replace, test) to a mutable copy of `root`'s top level;
 * deeper containers are copied as they change. Throws PatchTestFailedError for a failed test, and an
 * Error naming the pointer for a path that does not exist.
 */
export function applyJsonPatch(
  root: Record<string, unknown>,
  operations: readonly JsonPatchOperation[],
): void {
  for (const operation of operations) {
    const segments = parsePointer(operation.path);
    if (operation.op === 'test') {
      if (!deepEqual(valueAt(root, segments), operation.value))
        throw new PatchTestFailedError(operation.path);
      continue;
    }
    if (segments.length === 0) throw new Error('JSON patch of the whole object is not supported');
    const parent = writableParent(root, segments, operation.path);
    const last = segments[segments.length - 1]!;
    if (Array.isArray(parent)) {
      const index = arrayIndex(parent, last, operation.path, operation.op === 'add');
      if (operation.op === 'add') parent.splice(index, 0, operation.value);
      else if (operation.op === 'remove') parent.splice(index, 1);
      else parent[index] = operation.value;
      continue;
    }
    if (operation.op !== 'add' && !Object.hasOwn(parent, last))
      throw new Error(`JSON patch path ${operation.path} does not exist`);
    if (operation.op === 'remove') delete parent[last];
    else parent[last] = operation.value;
  }
}

/** The field a patch operation writes, as managedFields records it here: lists are atomic. */
export function patchedField(pointer: string): FieldPath {
  const segments = parsePointer(pointer);
  const inList = segments.findIndex((segment) => /^(\d+|-)$/.test(segment));
  return inList < 0 ? segments : segments.slice(0, inList);
}
