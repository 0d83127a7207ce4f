import { type CacheErrorReporter, IndexedCache } from './cache-index.js';
import { CachedStore } from './cached-store.js';
import { copySharingFrozen, deepClone, deepEqual, deepFreeze } from './json-value.js';
import { leafPaths } from './memory-store/field-paths.js';
import { applyJsonPatch, PatchTestFailedError, patchedField } from './memory-store/json-patch.js';
import { mergePatch } from './memory-store/merge-patch.js';
import {
  configuredBody,
  FieldConflictError,
  mutableCopy,
  recordUpdate,
  serverSideApply,
} from './memory-store/server-side-apply.js';
import { deterministicUid } from './memory-store/uid.js';
import type { GroupKind, KubeObject, ObjectKey } from './object.js';
import { groupKindOf, keyOf } from './object.js';
import { kindModel } from './registry.js';
import {
  type ApplyOptions,
  type CacheTarget,
  ConflictError,
  type DeletePreconditions,
  type JsonPatchOperation,
  PreconditionFailedError,
  type ResourceStore,
  type WritePreconditions,
} from './store.js';

export interface MemoryStoreOptions {
  /** Clock for creationTimestamp and deletionTimestamp; inject a fixed one for reproducible runs. */
  now?: () => Date;
  /** Where errors thrown by watch handlers and index functions go (they never fail a write). */
  onError?: CacheErrorReporter;
}

function timestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function defaultOnError(error: unknown, context: string): void {
  process.emitWarning(
    `${context}: ${error instanceof Error ? error.message : String(error)}`,
    'MemoryStoreWarning',
  );
}

/** Everything that generation tracks: the object without metadata and status. */
function specOf(obj: KubeObject): Record<string, unknown> {
  const { metadata: _metadata, status: _status, apiVersion: _apiVersion, kind: _kind, ...rest } = obj;
  return rest;
}

/**
 * A ResourceStore held in memory: the embedded default of `acpnet serve`, and the store of tests,
 * offline validation and replay. Writes behave like the API server's (server-side apply with field
 * managers, resourceVersion from a store-wide counter, generation, finalizers, preconditions);
 * readers get frozen objects.
 */
export class MemoryStore extends CachedStore implements ResourceStore {
  private readonly now: () => Date;
  private revision = 0;
  private synced = false;

  constructor(options: MemoryStoreOptions = {}) {
    super(new IndexedCache(options.onError ?? defaultOnError));
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Puts objects in as they are (a `--state` directory, test fixtures), keeping uid,
   * resourceVersion and managedFields they carry and filling in what they lack. Later writes get
   * resourceVersions above every numeric one loaded.
   */
  load(objects: Iterable<KubeObject>): void {
    const pending: KubeObject[] = [];
    for (const input of objects) {
      const obj = this.normalized(input);
      const rv = Number(obj.metadata.resourceVersion);
      if (Number.isSafeInteger(rv) && rv > this.revision) this.revision = rv;
      pending.push(obj);
    }
    for (const obj of pending) {
      obj.metadata.uid ??= deterministicUid(keyOf(obj));
      obj.metadata.resourceVersion ??= String(++this.revision);
      obj.metadata.generation ??= 1;
      obj.metadata.creationTimestamp ??= timestamp(this.now());
      this.cache.put(deepFreeze(obj));
    }
  }

  /** Number of objects stored, of one kind or in all. */
  size(kind?: GroupKind): number {
    return this.cache.size(kind);
  }

  async start(_kinds: readonly CacheTarget[]): Promise<void> {
    this.synced = true;
  }

  async stop(): Promise<void> {
    this.synced = false;
  }

  isSynced(): boolean {
    return this.synced;
  }

  async readSecret(namespace: string, name: string): Promise<KubeObject | undefined> {
    return this.cache.get('/Secret', namespace, name);
  }

  async readObject(key: ObjectKey): Promise<KubeObject | undefined> {
    return this.cache.get(key.groupKind, key.namespace, key.name);
  }

  async apply(obj: KubeObject, options: ApplyOptions): Promise<KubeObject> {
    const input = this.normalized(obj);
    const key = this.requireName(input);
    const previous = this.cache.get(key.groupKind, key.namespace, key.name);
    this.checkApplyPreconditions(key, input, previous);
    let next: KubeObject;
    try {
      next = serverSideApply(previous, input, options.fieldManager, options.force ?? false).object;
    } catch (error) {
      if (error instanceof FieldConflictError) throw new ConflictError(key, error.message);
      throw error;
    }
    if (!previous) this.initializeMetadata(next, input, key);
    next.metadata.name = key.name;
    if (key.namespace) next.metadata.namespace = key.namespace;
    return this.commit(next, previous);
  }

  async createIfAbsent(
    obj: KubeObject,
    options: ApplyOptions,
  ): Promise<{ object: KubeObject; created: boolean }> {
    const input = this.normalized(obj);
    const key = this.requireName(input);
    const existing = this.cache.get(key.groupKind, key.namespace, key.name);
    if (existing) return { object: existing, created: false };
    const body = configuredBody(input, false);
    const next: KubeObject = { apiVersion: input.apiVersion, kind: input.kind, ...body, metadata: {} };
    Object.assign(next.metadata, body.metadata ?? {}, {
      name: key.name,
      ...(key.namespace ? { namespace: key.namespace } : {}),
    });
    this.initializeMetadata(next, input, key);
    recordUpdate(
      next,
      options.fieldManager,
      leafPaths(body).filter((path) => path.length > 0),
    );
    return { object: this.commit(next, undefined), created: true };
  }

  async delete(key: ObjectKey, preconditions?: DeletePreconditions): Promise<boolean> {
    const previous = this.cache.get(key.groupKind, key.namespace, key.name);
    if (!previous) return false;
    if (preconditions?.uid !== undefined && preconditions.uid !== previous.metadata.uid) {
      throw new PreconditionFailedError(
        key,
        `uid in precondition ${preconditions.uid} does not match stored uid ${previous.metadata.uid}`,
      );
    }
    if (
      preconditions?.resourceVersion !== undefined &&
      preconditions.resourceVersion !== previous.metadata.resourceVersion
    ) {
      throw new PreconditionFailedError(
        key,
        `resourceVersion in precondition ${preconditions.resourceVersion} does not match stored ${previous.metadata.resourceVersion}`,
      );
    }
    if ((previous.metadata.finalizers?.length ?? 0) > 0) {
      if (!previous.metadata.deletionTimestamp) {
        const next = deepClone(previous);
        next.metadata.deletionTimestamp = timestamp(this.now());
        this.commit(next, previous);
      }
      return true;
    }
    this.cache.remove(key.groupKind, key.namespace, key.name);
    return true;
  }

  async patchStatus(
    key: ObjectKey,
    status: unknown,
    options: ApplyOptions,
    preconditions?: WritePreconditions,
  ): Promise<KubeObject | undefined> {
    const previous = this.cache.get(key.groupKind, key.namespace, key.name);
    if (!previous) return undefined;
    const version = preconditions?.resourceVersion;
    if (version !== undefined && version !== previous.metadata.resourceVersion) {
      throw new ConflictError(
        key,
        `resourceVersion ${version} is not the stored ${previous.metadata.resourceVersion}`,
      );
    }
    // mergePatch builds new maps where it changes something; recordUpdate replaces managedFields.
    const next = mutableCopy(previous);
    const patched = mergePatch(previous.status, status);
    if (patched === null || patched === undefined) delete next.status;
    else next.status = patched;
    recordUpdate(
      next,
      options.fieldManager,
      leafPaths(status, ['status']).filter((path) => path.length > 1),
      'status',
    );
    return this.commit(next, previous);
  }

  async patch(
    key: ObjectKey,
    operations: readonly JsonPatchOperation[],
    options: ApplyOptions,
  ): Promise<KubeObject | undefined> {
    const previous = this.cache.get(key.groupKind, key.namespace, key.name);
    if (!previous) return undefined;
    const next = mutableCopy(previous);
    try {
      applyJsonPatch(next, operations);
    } catch (error) {
      if (error instanceof PatchTestFailedError) throw new ConflictError(key, error.message);
      throw error;
    }
    const fields = operations.filter((o) => o.op !== 'test').map((o) => patchedField(o.path));
    recordUpdate(
      next,
      options.fieldManager,
      fields.filter((path) => path.length > 1),
    );
    return this.commit(next, previous);
  }

  /**
   * A copy whose top level and metadata can be changed, with the namespace the API server would
   * give it (default / none). Frozen members are shared: writes copy them before changing them.
   */
  private normalized(obj: KubeObject): KubeObject {
    const copy = copySharingFrozen(obj);
    if (!copy.metadata) copy.metadata = {};
    else if (Object.isFrozen(copy.metadata)) copy.metadata = copySharingFrozen(copy.metadata);
    const definition = kindModel(groupKindOf(copy));
    if (definition?.namespaced && !copy.metadata.namespace) copy.metadata.namespace = 'default';
    if (definition && !definition.namespaced) delete copy.metadata.namespace;
    return copy;
  }

  private requireName(obj: KubeObject): ObjectKey {
    const key = keyOf(obj);
    if (!obj.apiVersion || !obj.kind) throw new Error('object needs apiVersion and kind');
    if (!key.name) throw new Error(`${obj.kind} needs metadata.name`);
    return key;
  }

  private checkApplyPreconditions(key: ObjectKey, input: KubeObject, previous: KubeObject | undefined): void {
    const { uid, resourceVersion } = input.metadata;
    if (uid !== undefined && previous && uid !== previous.metadata.uid) {
      throw new ConflictError(key, `uid ${uid} does not match stored uid ${previous.metadata.uid}`);
    }
    if (resourceVersion !== undefined && resourceVersion !== previous?.metadata.resourceVersion) {
      throw new ConflictError(
        key,
        previous
          ? `resourceVersion ${resourceVersion} is not the stored ${previous.metadata.resourceVersion}`
          : `resourceVersion ${resourceVersion} given for an object that does not exist`,
      );
    }
  }

  // A mirrored object keeps the identity and age of its source: the uid, and the creationTimestamp
  // that orders objects by age (the oldest Route of a host wins it).
  private initializeMetadata(next: KubeObject, input: KubeObject, key: ObjectKey): void {
    next.metadata.uid = input.metadata.uid ?? deterministicUid(key);
    next.metadata.generation = 1;
    next.metadata.creationTimestamp = input.metadata.creationTimestamp ?? timestamp(this.now());
  }

  /**
   * Stores `next` unless it equals `previous` (a repeated write changes nothing), assigning the
   * next resourceVersion and generation; finishes a deletion once the last finalizer is gone.
   */
  private commit(next: KubeObject, previous: KubeObject | undefined): KubeObject {
    if (previous) {
      next.metadata.resourceVersion = previous.metadata.resourceVersion;
      next.metadata.generation = previous.metadata.generation ?? 1;
      if (deepEqual(next, previous)) return previous;
      if (!deepEqual(specOf(next), specOf(previous))) next.metadata.generation += 1;
    }
    next.metadata.resourceVersion = String(++this.revision);
    const stored = deepFreeze(next);
    const key = keyOf(stored);
    if (stored.metadata.deletionTimestamp && (stored.metadata.finalizers?.length ?? 0) === 0) {
      if (previous) this.cache.remove(key.groupKind, key.namespace, key.name);
      return stored;
    }
    this.cache.put(stored);
    return stored;
  }
}
