import { isPlainObject } from '../json-value.js';

/**
 * The value without the members of mappings whose value is null, at any depth, as the API server
 * drops them before defaulting and validation. Null items of sequences stay: the server keeps
 * them, and the schema judges them.
 */
export function withoutNullMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullMembers);
  if (!isPlainObject(value)) return value;
  // fromEntries defines own properties, so a `__proto__` key stays data.
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, member]) => member !== null)
      .map(([key, member]) => [key, withoutNullMembers(member)]),
  );
}
