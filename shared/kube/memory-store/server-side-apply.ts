import { deepClone, deepEqual, isPlainObject, type JsonObject } from '../json-value.js';
import type { KubeObject } from '../object.js';
import {
  deleteAt,
  type FieldPath,
  type FieldSet,
  fieldSet,
  getAt,
  isCanonicalEncoding,
  leafPaths,
  pathKey,
  writable,
} from './field-paths.js';
import { type Ownership, readOwnership, sameFields, sameOwner, writeOwnership } from './managed-fields.js';

/** Metadata the server owns: never taken from an applied object's body, never owned by managers. */
export const SERVER_METADATA: ReadonlySet<string> = new Set([
  'name',
  'namespace',
  'generateName',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

export interface FieldConflict {
  field: string;
  manager: string;
}

export class FieldConflictError extends Error {
  constructor(readonly conflicts: readonly FieldConflict[]) {
    super(
      `fields owned by other managers would change: ${conflicts.map((c) => `${c.field} (${c.manager})`).join(', ')}`,
    );
    this.name = 'FieldConflictError';
  }
}

/**
 * The fields a manager sends: the object without apiVersion, kind, status and server metadata.
 * Status is written only through the status subresource, as on servers where kinds have one.
 */
export function configuredBody(obj: KubeObject, copy = true): JsonObject {
  const take = copy ? deepClone : <T>(value: T): T => value;
  const body: JsonObject = {};
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'status' || value === undefined) continue;
    body[key] = take(value);
  }
  const metadata: JsonObject = {};
  for (const [key, value] of Object.entries(obj.metadata ?? {})) {
    if (!SERVER_METADATA.has(key) && value !== undefined) metadata[key] = take(value);
  }
  if (Object.keys(metadata).length > 0) body.metadata = metadata;
  else delete body.metadata;
  return body;
}

/**
 * Moves `source` into `target`: maps merge member by member, anything else replaces. `source` is
 * consumed: its members end up in `target`. Frozen maps of `target` are copied before they change.
 */
function mergeInto(target: JsonObject, source: JsonObject): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isPlainObject(value) && isPlainObject(existing)) mergeInto(writable(target, key, existing), value);
    else target[key] = value;
  }
}

/**
 * A copy of a stored object whose top level and metadata can be changed; deeper members stay the
 * stored (frozen) values until a write copies them (see `writable`), so unchanged parts are shared.
 */
export function mutableCopy(stored: KubeObject): KubeObject {
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(stored)) {
    if (value !== undefined) copy[key] = value;
  }
  copy.metadata = { ...stored.metadata };
  return copy as KubeObject;
}

function ownedPaths(body: JsonObject): FieldSet {
  return fieldSet(leafPaths(body).filter((path) => path.length > 0));
}

function findConflicts(
  stored: KubeObject,
  body: JsonObject,
  mine: FieldSet,
  others: readonly Ownership[],
): { owner: Ownership; path: FieldPath; sent: FieldPath }[] {
  const found: { owner: Ownership; path: FieldPath; sent: FieldPath }[] = [];
  for (const owner of others) {
    for (const theirs of owner.fields.values()) {
      for (const sent of mine.values()) {
        const shorter = sent.length <= theirs.length ? sent : theirs;
        if (!theirs.every((key, i) => i >= sent.length || sent[i] === key)) continue;
        if (!deepEqual(getAt(stored, shorter), getAt(body, shorter)))
          found.push({ owner, path: theirs, sent });
      }
    }
  }
  return found;
}

export interface ApplyOutcome {
  /**
   * The stored object's content after the apply: top level and metadata mutable, unchanged deeper
   * members shared with `stored` (frozen); metadata identity still from `stored`.
   */
  object: KubeObject;
}

/**
 * Server-side apply of `applied` by `manager` onto `stored`, enough for one manager per field:
 * the manager's fields are set, fields it sent last time and no longer sends are removed unless
 * someone else owns them, lists are atomic. Changing a field another manager owns throws
 * FieldConflictError unless `force`, which takes the field over. `applied` must be the caller's
 * private copy: its members are moved into the result rather than copied.
 */
export function serverSideApply(
  stored: KubeObject | undefined,
  applied: KubeObject,
  manager: string,
  force: boolean,
): ApplyOutcome {
  const base: KubeObject = stored
    ? mutableCopy(stored)
    : { apiVersion: applied.apiVersion, kind: applied.kind, metadata: {} };
  const body = configuredBody(applied, false);
  const sent = ownedPaths(body);
  const owners = readOwnership(stored?.metadata.managedFields);
  const key = { manager, operation: 'Apply' as const, subresource: '' };
  let mine = owners.find((owner) => sameOwner(owner.entry, key));
  const others = owners.filter((owner) => owner.entry.manager !== manager);

  const conflicts = findConflicts(base, body, sent, others);
  if (conflicts.length > 0 && !force) {
    throw new FieldConflictError(
      conflicts.map((c) => ({ field: c.sent.join('.'), manager: c.owner.entry.manager })),
    );
  }
  for (const conflict of conflicts) {
    const fields = new Map(conflict.owner.fields);
    fields.delete(pathKey(conflict.path));
    conflict.owner.fields = fields;
    conflict.owner.changed = true;
  }

  const ownedByOthers = (path: FieldPath): boolean => {
    const key = pathKey(path);
    return others.some((owner) => owner.fields.has(key));
  };
  if (mine) {
    for (const [k, previous] of mine.fields) {
      if (sent.has(k)) continue;
      const sharedWithOthers = others.some((owner) =>
        [...owner.fields.values()].some((theirs) => theirs.every((part, i) => previous[i] === part)),
      );
      if (!sharedWithOthers)
        deleteAt(base, previous, (path) => sent.has(pathKey(path)) || ownedByOthers(path));
    }
  }
  mergeInto(base, body);
  base.apiVersion = applied.apiVersion;
  base.kind = applied.kind;

  if (!mine) {
    mine = {
      entry: {
        manager,
        operation: 'Apply',
        apiVersion: applied.apiVersion,
        fieldsType: 'FieldsV1',
        fieldsV1: {},
      },
      fields: new Map(),
      changed: true,
    };
    owners.push(mine);
  }
  // Re-encoding the same fields in canonical form would give the entry it already has.
  const unchanged =
    !mine.changed &&
    mine.entry.apiVersion === applied.apiVersion &&
    isCanonicalEncoding(mine.entry.fieldsV1) &&
    sameFields(mine.fields, sent);
  if (!unchanged) {
    mine.entry = { ...mine.entry, apiVersion: applied.apiVersion };
    mine.changed = true;
  }
  mine.fields = sent;
  base.metadata.managedFields = writeOwnership(owners);
  return { object: base };
}

/** Records that `manager` wrote `paths` with an Update (create, status patch). */
export function recordUpdate(
  obj: KubeObject,
  manager: string,
  paths: Iterable<FieldPath>,
  subresource?: string,
): void {
  const owners = readOwnership(obj.metadata.managedFields);
  const key = { manager, operation: 'Update' as const, subresource: subresource ?? '' };
  let mine = owners.find((owner) => sameOwner(owner.entry, key));
  if (!mine) {
    mine = {
      entry: {
        manager,
        operation: 'Update',
        apiVersion: obj.apiVersion,
        fieldsType: 'FieldsV1',
        fieldsV1: {},
        ...(subresource ? { subresource } : {}),
      },
      fields: new Map(),
      changed: true,
    };
    owners.push(mine);
  }
  let added: FieldSet | undefined;
  for (const path of paths) {
    const key = pathKey(path);
    if (mine.fields.has(key)) continue;
    added ??= new Map(mine.fields);
    added.set(key, path);
  }
  if (added) mine.fields = added;
  // Paths it already owned add nothing: a canonical entry would re-encode to itself.
  if (added || !isCanonicalEncoding(mine.entry.fieldsV1)) mine.changed = true;
  obj.metadata.managedFields = writeOwnership(owners);
}
