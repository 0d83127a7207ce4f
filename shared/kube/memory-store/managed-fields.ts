import { compareStrings, isPlainObject, type JsonObject } from '../json-value.js';
import { decodeFieldsV1, encodeFieldsV1, type FieldPath, fieldSet } from './field-paths.js';

/** One metadata.managedFields entry, as the API server writes it. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  fieldsType: 'FieldsV1';
  fieldsV1: JsonObject;
  subresource?: string;
  time?: string;
}

/**
 * An entry with its fields decoded; `changed` marks entries whose fieldsV1 must be re-encoded.
 * `fields` may be shared with the decoding cache: replace it, never change it in place.
 */
export interface Ownership {
  entry: ManagedFieldsEntry;
  fields: ReadonlyMap<string, FieldPath>;
  changed: boolean;
}

function isEntry(value: unknown): value is ManagedFieldsEntry {
  return (
    isPlainObject(value) &&
    typeof value.manager === 'string' &&
    (value.operation === 'Apply' || value.operation === 'Update')
  );
}

/**
 * Decoded fields of frozen fieldsV1 maps (stored objects are frozen, so their encoding never changes
 * under the same identity): each write decodes only what it has not seen.
 */
const decodedFields = new WeakMap<object, ReadonlyMap<string, FieldPath>>();

function fieldsOf(fieldsV1: unknown): ReadonlyMap<string, FieldPath> {
  const cacheable = isPlainObject(fieldsV1) && Object.isFrozen(fieldsV1);
  const cached = cacheable ? decodedFields.get(fieldsV1) : undefined;
  if (cached) return cached;
  const fields = fieldSet(decodeFieldsV1(fieldsV1));
  if (cacheable) decodedFields.set(fieldsV1, fields);
  return fields;
}

/** Encodes `fields`, remembering them as the decoding of the result (used once the store freezes it). */
function encodeOwned(fields: ReadonlyMap<string, FieldPath>): JsonObject {
  const encoded = encodeFieldsV1(fields.values());
  decodedFields.set(encoded, fields);
  return encoded;
}

/** Decodes an object's managedFields; malformed entries are dropped. */
export function readOwnership(managedFields: unknown): Ownership[] {
  if (!Array.isArray(managedFields)) return [];
  return managedFields.filter(isEntry).map((entry) => ({
    entry,
    fields: fieldsOf(entry.fieldsV1),
    changed: false,
  }));
}

/** Whether two field sets hold the same paths. */
export function sameFields(a: ReadonlyMap<string, FieldPath>, b: ReadonlyMap<string, FieldPath>): boolean {
  if (a.size !== b.size) return false;
  for (const key of a.keys()) if (!b.has(key)) return false;
  return true;
}

export function sameOwner(
  a: ManagedFieldsEntry,
  b: Pick<ManagedFieldsEntry, 'manager' | 'operation' | 'subresource'>,
): boolean {
  return (
    a.manager === b.manager && a.operation === b.operation && (a.subresource ?? '') === (b.subresource ?? '')
  );
}

/** Encodes ownerships back into managedFields, ordered by manager, operation, subresource. */
export function writeOwnership(owners: readonly Ownership[]): ManagedFieldsEntry[] {
  return owners
    .filter((owner) => owner.fields.size > 0)
    .map((owner) => (owner.changed ? { ...owner.entry, fieldsV1: encodeOwned(owner.fields) } : owner.entry))
    .sort(
      (a, b) =>
        compareStrings(a.manager, b.manager) ||
        compareStrings(a.operation, b.operation) ||
        compareStrings(a.subresource ?? '', b.subresource ?? ''),
    );
}
