import { appliedMapKeys } from '../../shared/kube/field-ownership.js';
import { deepEqual } from '../../shared/kube/json-value.js';
import type { KubeObject, ObjectKey } from '../../shared/kube/object.js';
import { keyOf } from '../../shared/kube/object.js';
import { ConflictError, PreconditionFailedError, type ResourceStore } from '../../shared/kube/store.js';
import type { Effect, OvsdbEffect } from './contract.js';
import type { OvsdbConnections } from './ovsdb-connections.js';
import type { StatusPatches } from './status-patches.js';

/**
 * A claim (createIfAbsent with `claim`) that another writer holds: the plan lost the race and the
 * event is planned again.
 */
export class ClaimLostError extends Error {
  constructor(readonly existing: KubeObject) {
    super(`${existing.kind} ${existing.metadata.name} is held by another writer`);
    this.name = 'ClaimLostError';
  }
}

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

export interface ApplyOptions {
  /** Collects the effects that changed the store as they are applied (kept when a later one throws). */
  changed?: EffectRecord[];
  /** Status patches without a resourceVersion go through these lanes, in plan order. */
  statuses?: { patches: StatusPatches; plan: number };
  /** Connections for `ovsdb` effects. */
  ovsdb?: OvsdbConnections;
  /** A best-effort effect (a report) that failed; the others go on. */
  onBestEffortFailure?: (effect: Effect, error: unknown) => void;
}

/**
 * Executes effects in order with the function's field manager. Idempotent: an effect that leaves the
 * store as it was (same resourceVersion, already absent, already created) is not reported as a change.
 * Returns the effects that changed the store (or, for `ovsdb`, a database); `options.changed` collects them as they are applied,
 * so a caller still has them when a later effect throws (ClaimLostError, ConflictError).
 */
export async function applyEffects(
  store: ResourceStore,
  fn: string,
  fieldManager: string,
  effects: readonly Effect[],
  options: ApplyOptions = {},
): Promise<EffectRecord[]> {
  const changed = options.changed ?? [];
  for (let i = 0; i < effects.length; ) {
    let end = i + 1;
    while (isConcurrent(effects[i]) && isConcurrent(effects[end])) end++;
    const run = effects.slice(i, end);
    const results = await Promise.allSettled(
      run.map((effect) =>
        effect.op === 'ovsdb'
          ? applyOvsdb(effect, options.ovsdb)
          : applyOne(store, fieldManager, effect, options.statuses),
      ),
    );
    for (const [j, result] of results.entries()) {
      const effect = run[j]!;
      if (result.status === 'fulfilled') {
        if (result.value) changed.push(describeEffect(fn, effect));
      } else if (isBestEffort(effect)) {
        options.onBestEffortFailure?.(effect, result.reason);
      }
    }
    const failed = results.find(
      (r, j): r is PromiseRejectedResult => r.status === 'rejected' && !isBestEffort(run[j]!),
    );
    if (failed) throw failed.reason;
    i = end;
  }
  return changed;
}

function isBestEffort(effect: Effect): boolean {
  return effect.op === 'createIfAbsent' && effect.bestEffort === true;
}

function isConcurrent(effect: Effect | undefined): boolean {
  return effect !== undefined && 'concurrent' in effect && effect.concurrent === true;
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
  statuses: { patches: StatusPatches; plan: number } | undefined,
): Promise<boolean> {
  const options = { fieldManager, force: true };
  switch (effect.op) {
    case 'apply': {
      const key = keyOf(effect.object);
      const before = store.get(key.groupKind, key.namespace, key.name);
      if (before && alreadyApplied(before, effect.object, fieldManager)) return false;
      const after = await store.apply(effect.object, options);
      return versionOf(before) !== versionOf(after);
    }
    case 'createIfAbsent': {
      // Held already: a create would only be refused and read back, two round trips per event on
      // a cluster. The cache is trusted here as alreadyApplied trusts it for apply; not for a claim,
      // whose race the API server arbitrates.
      const key = keyOf(effect.object);
      if (!effect.claim && store.get(key.groupKind, key.namespace, key.name)) return false;
      const { object, created } = await store.createIfAbsent(effect.object, options);
      if (!created && effect.claim && !alreadyApplied(object, effect.object))
        throw new ClaimLostError(object);
      return created;
    }
    case 'delete':
      try {
        return await store.delete(effect.key, effect.preconditions);
      } catch (error) {
        // A successor took the name (other uid) or the object moved on: it is not ours to delete.
        if (error instanceof PreconditionFailedError && !effect.replanOnMismatch) return false;
        if (error instanceof PreconditionFailedError) throw new ConflictError(effect.key, error.message);
        throw error;
      }
    case 'patchStatus': {
      const before = store.get(effect.key.groupKind, effect.key.namespace, effect.key.name);
      if (!before) return false;
      if (effect.resourceVersion) {
        // Planned against that version: if the object moved on, the plan is stale (ConflictError).
        const preconditions = { resourceVersion: effect.resourceVersion };
        const after = await store.patchStatus(effect.key, effect.status, options, preconditions);
        return after !== undefined && versionOf(before) !== versionOf(after);
      }
      if (statuses) return statuses.patches.patch(store, effect.key, effect.status, options, statuses.plan);
      const after = await store.patchStatus(effect.key, effect.status, options);
      return after !== undefined && versionOf(before) !== versionOf(after);
    }
    case 'jsonPatch': {
      const before = store.get(effect.key.groupKind, effect.key.namespace, effect.key.name);
      if (!before) return false;
      const after = await store.patch(effect.key, effect.patch, options);
      return after !== undefined && versionOf(before) !== versionOf(after);
    }
  }
}

const ownedMetadata = ['labels', 'annotations', 'ownerReferences'] as const;

/**
 * Whether the stored object already holds everything the desired one says: the same body fields and
 * the same labels, annotations and owners, and no label or annotation the manager applied before and
 * now leaves out (the apply would remove it). Then server-side apply would change nothing, and
 * skipping it saves a write on every redelivery and replay.
 */
export function alreadyApplied(stored: KubeObject, desired: KubeObject, fieldManager?: string): boolean {
  if (stored.apiVersion !== desired.apiVersion) return false;
  if (fieldManager !== undefined && dropsAppliedKeys(stored, desired, fieldManager)) return false;
  for (const [field, value] of Object.entries(desired)) {
    if (field === 'metadata' || field === 'apiVersion' || field === 'kind') continue;
    if (!deepEqual(stored[field], value)) return false;
  }
  return ownedMetadata.every(
    (field) =>
      desired.metadata[field] === undefined || deepEqual(stored.metadata[field], desired.metadata[field]),
  );
}

function dropsAppliedKeys(stored: KubeObject, desired: KubeObject, fieldManager: string): boolean {
  return (['labels', 'annotations'] as const).some((field) =>
    appliedMapKeys(stored, fieldManager, ['metadata', field]).some(
      (key) => desired.metadata[field]?.[key] === undefined,
    ),
  );
}

function versionOf(obj: KubeObject | undefined): string | undefined {
  return obj?.metadata.resourceVersion;
}
