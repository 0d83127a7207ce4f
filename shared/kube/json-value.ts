/** Plain JSON data as stored objects hold it: no classes, no cycles. */
export type JsonObject = { [key: string]: unknown };

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (Array.isArray(b)) return false;
  const aObj = a as JsonObject;
  const bObj = b as JsonObject;
  const aKeys = Object.keys(aObj);
  if (aKeys.length !== Object.keys(bObj).length) return false;
  return aKeys.every((key) => Object.hasOwn(bObj, key) && deepEqual(aObj[key], bObj[key]));
}

/** A mutable deep copy of JSON data (undefined members dropped, as JSON would). */
export function deepClone<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => deepClone(item)) as T;
  if (isPlainObject(value)) {
    const out: JsonObject = {};
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) out[key] = deepClone(member);
    }
    return out as T;
  }
  return value;
}

/**
 * A copy of JSON data that can be changed where it is not frozen: frozen parts (stored objects and
 * what they share, frozen deep by deepFreeze) are shared rather than copied. The top level is
 * always a new map or list.
 */
export function copySharingFrozen<T>(value: T): T {
  if (Array.isArray(value)) return value.map(shareOrCopy) as T;
  if (isPlainObject(value)) {
    const out: JsonObject = {};
    for (const key in value) {
      const member = value[key];
      if (member !== undefined) out[key] = shareOrCopy(member);
    }
    return out as T;
  }
  return value;
}

function shareOrCopy(value: unknown): unknown {
  return typeof value === 'object' && value !== null && Object.isFrozen(value)
    ? value
    : copySharingFrozen(value);
}

/** Freezes JSON data in place so readers of a store cannot change what others see. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
