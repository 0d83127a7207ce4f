import { isDeepStrictEqual } from 'node:util';
import type { KubeObject, ObjectKey } from '../../shared/kube/object.js';
import { keyOf } from '../../shared/kube/object.js';
import { PreconditionFailedError, type ResourceStore } from '../../shared/kube/store.js';
import type { Effect, OvsdbEffect } from './contract.js';
import type { OvsdbConnections } from './ovsdb-connections.js';

/** One effect on a Kubernetes object as reported by replay and logs. */
export interface KubeEffectRecord {
  function: string;
  op: 'apply' | 'delete' | 'patch';
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

/** One OVSDB transaction as reported by replay and logs. */
export interface OvsdbEffectRecord {
  function: string;
  op: 'ovsdb';
  database: string;
  remote: string;
  /** What the transaction does: its comment operation. */
  comment: string;
  /** How many operations it holds. */
  operations: number;
}

export type EffectRecord = KubeEffectRecord | OvsdbEffectRecord;

/** `Kind ns/name`, or `ovsdb DATABASE at REMOTE: comment`: an effect's target for logs and reports. */
export function describeTarget(record: EffectRecord): string {
  if (record.op === 'ovsdb') return `${record.database} at ${record.remote}: ${record.comment}`;
  return `${record.kind} ${record.namespace ? `${record.namespace}/` : ''}${record.name}`;
}

function describeOvsdb(fn: string, effect: OvsdbEffect): OvsdbEffectRecord {
  const comment = effect.operations.find((operation) => operation.op === 'comment');
  return {
    function: fn,
    op: 'ovsdb',
    database: effect.database,
    remote: effect.remote,
    comment: comment?.op === 'comment' ? comment.comment : '',
    operations: effect.operations.length,
  };
}

export function effectTarget(effect: Exclude<Effect, OvsdbEffect>): { apiVersion: string; key: ObjectKey } {
  if (effect.op === 'apply' || effect.op === 'createIfAbsent') {
    return { apiVersion: effect.object.apiVersion, key: keyOf(effect.object) };
  }
  return { apiVersion: effect.apiVersion, key: effect.key };
}

export function describeEffect(fn: string, effect: Effect): EffectRecord {
  if (effect.op === 'ovsdb') return describeOvsdb(fn, effect);
  const { apiVersion, key } = effectTarget(effect);
  const op =
    effect.op === 'apply' || effect.op === 'createIfAbsent'
      ? 'apply'
      : effect.op === 'delete'
        ? 'delete'
        : 'patch';
  const slash = key.groupKind.indexOf('/');
  return {
    function: fn,
    op,
    apiVersion,
    kind: key.groupKind.slice(slash + 1),
    namespace: key.namespace,
    name: key.name,
  };
}

/**
 * Executes effects in order with the function's field manager. Idempotent: an effect that leaves the
 * store as it was (same resourceVersion, already absent, already created) is not reported as a change.
 * Returns the effects that changed the store (or, for `ovsdb`, a database).
 */
export async function applyEffects(
  store: ResourceStore,
  fn: string,
  fieldManager: string,
  effects: readonly Effect[],
  ovsdb?: OvsdbConnections,
): Promise<EffectRecord[]> {
  const changed: EffectRecord[] = [];
  for (const effect of effects) {
    const didChange =
      effect.op === 'ovsdb' ? await applyOvsdb(effect, ovsdb) : await applyOne(store, fieldManager, effect);
    if (didChange) changed.push(describeEffect(fn, effect));
  }
  return changed;
}

/** Runs the transaction; a change when one of its operations touched a row. */
async function applyOvsdb(effect: OvsdbEffect, ovsdb: OvsdbConnections | undefined): Promise<boolean> {
  if (!ovsdb) throw new Error(`an ovsdb effect on ${effect.database} needs OVSDB connections`);
  const results = await ovsdb.transact(effect.remote, effect.database, effect.operations);
  return results.some((result) => (result.count ?? 0) > 0 || result.uuid !== undefined);
}

async function applyOne(
  store: ResourceStore,
  fieldManager: string,
  effect: Exclude<Effect, OvsdbEffect>,
): Promise<boolean> {
  const options = { fieldManager, force: true };
  switch (effect.op) {
    case 'apply': {
      const key = keyOf(effect.object);
      const before = store.get(key.groupKind, key.namespace, key.name);
      if (before && alreadyApplied(before, effect.object)) return false;
      const after = await store.apply(effect.object, options);
      return versionOf(before) !== versionOf(after);
    }
    case 'createIfAbsent':
      return (await store.createIfAbsent(effect.object, options)).created;
    case 'delete':
      try {
        return await store.delete(effect.key, effect.preconditions);
      } catch (error) {
        // A successor took the name (other uid) or the object moved on: it is not ours to delete.
        if (error instanceof PreconditionFailedError) return false;
        throw error;
      }
    case 'patchStatus': {
      const before = store.get(effect.key.groupKind, effect.key.namespace, effect.key.name);
      if (!before) return false;
      const after = await store.patchStatus(effect.key, effect.status, options);
      return after !== undefined && versionOf(before) !== versionOf(after);
    }
  }
}

const ownedMetadata = ['labels', 'annotations', 'ownerReferences'] as const;

/**
 * Whether the stored object already holds everything the desired one says: the same body fields and
 * the same labels, annotations and owners. Then server-side apply would change nothing, and skipping it
 * saves a write on every redelivery and replay.
 */
export function alreadyApplied(stored: KubeObject, desired: KubeObject): boolean {
  if (stored.apiVersion !== desired.apiVersion) return false;
  for (const [field, value] of Object.entries(desired)) {
    if (field === 'metadata' || field === 'apiVersion' || field === 'kind') continue;
    if (!isDeepStrictEqual(stored[field], value)) return false;
  }
  return ownedMetadata.every(
    (field) =>
      desired.metadata[field] === undefined ||
      isDeepStrictEqual(stored.metadata[field], desired.metadata[field]),
  );
}

function versionOf(obj: KubeObject | undefined): string | undefined {
  return obj?.metadata.resourceVersion;
}
