import { compareStrings, isPlainObject, type JsonObject } from '../json-value.js';
import { decodeFieldsV1, encodeFieldsV1, type FieldSet, fieldSet } from './field-paths.js';

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

/** An entry with its fields decoded; `changed` marks entries whose fieldsV1 must be re-encoded. */
export interface Ownership {
  entry: ManagedFieldsEntry;
  fields: FieldSet;
  changed: boolean;
}

function isEntry(value: unknown): value is ManagedFieldsEntry {
  return (
    isPlainObject(value) &&
    typeof value.manager === 'string' &&
    (value.operation === 'Apply' || value.operation === 'Update')
  );
}

/** Decodes an object's managedFields; malformed entries are dropped. */
export function readOwnership(managedFields: unknown): Ownership[] {
  if (!Array.isArray(managedFields)) return [];
  return managedFields.filter(isEntry).map((entry) => ({
    entry,
    fields: fieldSet(decodeFieldsV1(entry.fieldsV1)),
    changed: false,
  }));
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
    .map((owner) =>
      owner.changed ? { ...owner.entry, fieldsV1: encodeFieldsV1(owner.fields.values()) } : owner.entry,
    )
    .sort(
      (a, b) =>
        compareStrings(a.manager, b.manager) ||
        compareStrings(a.operation, b.operation) ||
        compareStrings(a.subresource ?? '', b.subresource ?? ''),
    );
}
