import { deepClone, deepEqual, isPlainObject, type JsonObject } from '../json-value.js';

/** RFC 7386 JSON merge patch: maps merge, null deletes, everything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return deepClone(patch);
  const result: JsonObject = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (value !== undefined) result[key] = mergePatch(result[key], value);
  }
  return result;
}

/**
 * The RFC 7386 merge patch that turns `from` into the map `to`: removed keys become null, changed
 * maps are patched key by key, every other changed value is replaced. (A null inside `to` cannot
 * be expressed by a merge patch; it is dropped, as the API server drops nulls.)
 */
export function mergePatchBetween(from: unknown, to: JsonObject): JsonObject {
  const base = isPlainObject(from) ? from : {};
  const patch: JsonObject = {};
  for (const key of Object.keys(base)) if (!(key in to)) patch[key] = null;
  for (const [key, value] of Object.entries(to)) {
    const before = base[key];
    if (value === null || value === undefined) {
      if (before !== undefined) patch[key] = null;
    } else if (isPlainObject(value) && isPlainObject(before)) {
      const nested = mergePatchBetween(before, value);
      if (Object.keys(nested).length > 0) patch[key] = nested;
    } else if (!deepEqual(before, value)) patch[key] = deepClone(value);
  }
  return patch;
}
