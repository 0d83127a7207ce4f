import { parsePointer } from '../../shared/kube/json-pointer.js';
import type { JsonPatchOperation } from '../rules/types.js';

export { escapePointerToken, parsePointer } from '../../shared/kube/json-pointer.js';

/** A JSONPatch that cannot be applied: names the operation and the path. */
export class JsonPatchError extends Error {
  constructor(
    readonly operation: JsonPatchOperation,
    detail: string,
  ) {
    super(`cannot ${operation.op} ${operation.path}: ${detail}`);
    this.name = 'JsonPatchError';
  }
}

type Container = Record<string, unknown> | unknown[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function arrayIndex(operation: JsonPatchOperation, array: unknown[], token: string, forAdd: boolean): number {
  if (forAdd && token === '-') return array.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token))
    throw new JsonPatchError(operation, `"${token}" is not an array index`);
  const index = Number(token);
  const limit = forAdd ? array.length : array.length - 1;
  if (index > limit) throw new JsonPatchError(operation, `index ${index} is out of bounds`);
  return index;
}

function applyOne(document: unknown, operation: JsonPatchOperation): unknown {
  const tokens = parsePointer(operation.path);
  if (tokens.length === 0) {
    if (operation.op === 'remove') throw new JsonPatchError(operation, 'cannot remove the whole document');
    return structuredClone(operation.value);
  }
  let parent: unknown = document;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(parent)) parent = parent[arrayIndex(operation, parent, token, false)];
    else if (isRecord(parent) && Object.hasOwn(parent, token)) parent = parent[token];
    else throw new JsonPatchError(operation, `parent "${token}" does not exist`);
  }
  if (!isContainer(parent)) throw new JsonPatchError(operation, 'parent is not an object or array');
  const last = tokens[tokens.length - 1] as string;
  const value = structuredClone(operation.value);
  if (Array.isArray(parent)) {
    const index = arrayIndex(operation, parent, last, operation.op === 'add');
    if (operation.op === 'add') parent.splice(index, 0, value);
    else if (operation.op === 'replace') parent[index] = value;
    else parent.splice(index, 1);
    return document;
  }
  if (operation.op !== 'add' && !Object.hasOwn(parent, last)) {
    throw new JsonPatchError(operation, `member "${last}" does not exist`);
  }
  if (operation.op === 'remove') delete parent[last];
  else parent[last] = value;
  return document;
}

/** Applies operations in order to a deep copy of `document`; the input is never modified. */
export function applyJsonPatch<T>(document: T, operations: readonly JsonPatchOperation[]): T {
  let result: unknown = structuredClone(document);
  for (const operation of operations) result = applyOne(result, operation);
  return result as T;
}
