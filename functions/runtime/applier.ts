import { isDeepStrictEqual } from 'node:util';
import { getAt } from '../../shared/kube/memory-store/field-paths.js';
import { readOwnership } from '../../shared/kube/memory-store/managed-fields.js';
import type { KubeObject, ObjectKey } from '../../shared/kube/object.js';
import { keyOf } from '../../shared/kube/object.js';
import { ConflictError, PreconditionFailedError, type ResourceStore } from '../../shared/kube/store.js';
import type { Effect } from './contract.js';

/** One effect as reported by replay and logs. */
export interface EffectRecord {
  function: string;
  op: 'apply' | 'delete' | 'patch';
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

export function effectTarget(effect: Effect): { apiVersion: string; key: ObjectKey } {
  if (effect.op === 'apply' || effect.op === 'createIfAbsent') {
    return { apiVersion: effect.object.apiVersion, key: keyOf(effect.object) };
  }
  return { apiVersion: effect.apiVersion, key: effect.key };
}

export function describeEffect(fn: string, effect: Effect): EffectRecord {
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
 * Returns the effects that changed the store.
 */
export async function applyEffects(
  store: ResourceStore,
  fn: string,
  fieldManager: string,
  effects: readonly Effect[],
  onBestEffortFailure: (effect: Effect, error: unknown) => void = () => {},
): Promise<EffectRecord[]> {
  const changed: EffectRecord[] = [];
  for (const effect of effects) {
    try {
      if (await applyOne(store, fieldManager, effect)) changed.push(describeEffect(fn, effect));
    } catch (error) {
      if (!(effect.op === 'createIfAbsent' && effect.bestEffort)) throw error;
      onBestEffortFailure(effect, error);
    }
  }
  return changed;
}

async function applyOne(store: ResourceStore, fieldManager: string, effect: Effect): Promise<boolean> {
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
      const { object, created } = await store.createIfAbsent(effect.object, options);
      if (!created && effect.exclusive && !alreadyApplied(object, effect.object)) {
        throw new ConflictError(keyOf(effect.object), 'claimed by another writer');
      }
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
      const preconditions = effect.resourceVersion ? { resourceVersion: effect.resourceVersion } : undefined;
      const after = await store.patchStatus(effect.key, effect.status, options, preconditions);
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
export function alreadyApplied(stored: KubeObject, desired: KubeObject, fieldManager?: string): boolean {
  if (stored.apiVersion !== desired.apiVersion) return false;
  if (fieldManager && dropsOwnedField(stored, desired, fieldManager)) return false;
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

/**
 * Whether the manager's last apply set a field the desired object no longer has: applying it removes
 * that field (an annotation given up, say), so it is not a no-op.
 */
function dropsOwnedField(stored: KubeObject, desired: KubeObject, fieldManager: string): boolean {
  const applied = readOwnership(stored.metadata.managedFields).find(
    ({ entry }) => entry.manager === fieldManager && entry.operation === 'Apply' && !entry.subresource,
  );
  return [...(applied?.fields.values() ?? [])].some((path) => getAt(desired, path) === undefined);
}

function versionOf(obj: KubeObject | undefined): string | undefined {
  return obj?.metadata.resourceVersion;
}
