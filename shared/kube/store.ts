import type { IPRange } from '../net/range.js';
import type { GroupKind, KubeObject, ObjectKey } from './object.js';

/** Secondary equality index: maps an object to the keys it is found under. */
export interface EqualityIndexSpec {
  kind: GroupKind;
  name: string;
  keys(obj: KubeObject): readonly string[];
}

/** Interval index over address ranges: maps an object to the ranges it occupies. */
export interface RangeIndexSpec {
  kind: GroupKind;
  name: string;
  ranges(obj: KubeObject): readonly IPRange[];
}

export interface RangeHit<T extends KubeObject = KubeObject> {
  object: T;
  /** The stored range of `object` that overlaps the query. */
  range: IPRange;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
}

export type Unsubscribe = () => void;

/**
 * Part of a kind to cache: the named objects of one namespace ('' for a cluster-scoped kind).
 * A KubeStore lists and watches each by name, so RBAC can grant just those objects.
 */
export interface CacheScope {
  kind: GroupKind;
  namespace: string;
  names: readonly string[];
}

/** What `start` caches: a whole kind, or a scope of one. */
export type CacheTarget = GroupKind | CacheScope;

/** What rules and planners may read. Synchronous over cached kinds; Secrets are read on demand. */
export interface ReadView {
  get<T extends KubeObject = KubeObject>(kind: GroupKind, namespace: string, name: string): T | undefined;
  list<T extends KubeObject = KubeObject>(kind: GroupKind, namespace?: string): readonly T[];
  /** Objects whose index `index` of `kind` holds `value`. */
  byIndex<T extends KubeObject = KubeObject>(kind: GroupKind, index: string, value: string): readonly T[];
  /** Stored ranges of `kind` (range index `index`) that overlap `range`, in O(log n + k). */
  overlapping<T extends KubeObject = KubeObject>(
    kind: GroupKind,
    index: string,
    range: IPRange,
  ): readonly RangeHit<T>[];
  /** Secret contents by name; not cached cluster-wide in a real cluster. */
  readSecret(namespace: string, name: string): Promise<KubeObject | undefined>;
}

export interface ApplyOptions {
  /** Server-side apply field manager. */
  fieldManager: string;
  force?: boolean;
}

export interface DeletePreconditions {
  uid?: string;
  resourceVersion?: string;
}

/** A write that must meet the stored object at this resourceVersion (optimistic concurrency). */
export interface WritePreconditions {
  resourceVersion?: string;
}

export interface ResourceStore extends ReadView {
  /** Registers indexes before start(); objects already present are indexed too. */
  addEqualityIndex(spec: EqualityIndexSpec): void;
  addRangeIndex(spec: RangeIndexSpec): void;
  /**
   * Starts caches (informers for KubeStore) for the given kinds, or scopes of kinds, and resolves
   * once they are synced. A kind cached whole needs no scope of it.
   */
  start(kinds: readonly CacheTarget[]): Promise<void>;
  stop(): Promise<void>;
  isSynced(): boolean;
  watch(kind: GroupKind, handler: (event: WatchEvent) => void): Unsubscribe;
  /**
   * One object read where it is kept (the API server for KubeStore), not from the caches: for an
   * object of a kind no cache holds, or when only the latest version will do. Never cached.
   */
  readObject(key: ObjectKey): Promise<KubeObject | undefined>;

  /** Server-side apply; returns the stored object. */
  apply(obj: KubeObject, options: ApplyOptions): Promise<KubeObject>;
  /** Creates unless an object with that identity exists; returns the stored one and whether it was created. */
  createIfAbsent(obj: KubeObject, options: ApplyOptions): Promise<{ object: KubeObject; created: boolean }>;
  /** Deletes; resolves false when already absent; rejects with PreconditionFailedError on a mismatch. */
  delete(key: ObjectKey, preconditions?: DeletePreconditions): Promise<boolean>;
  /**
   * JSON merge patch of the status subresource; with a resourceVersion precondition it rejects with
   * ConflictError when the stored object has moved on.
   */
  patchStatus(
    key: ObjectKey,
    status: unknown,
    options: ApplyOptions,
    preconditions?: WritePreconditions,
  ): Promise<KubeObject | undefined>;
  /**
   * JSON Patch (RFC 6902) of the object; resolves undefined when it does not exist. A failed `test`
   * operation rejects (ConflictError in memory, the API server's 422 on a cluster): someone changed
   * what the patch was planned against.
   */
  patch(
    key: ObjectKey,
    operations: readonly JsonPatchOperation[],
    options: ApplyOptions,
  ): Promise<KubeObject | undefined>;
}

/** One RFC 6902 operation, as far as acpnet writes them. */
export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'test';
  /** An RFC 6901 JSON pointer. */
  path: string;
  value?: unknown;
}

export class PreconditionFailedError extends Error {
  constructor(
    readonly key: ObjectKey,
    detail: string,
  ) {
    super(`precondition failed for ${key.groupKind} ${key.namespace}/${key.name}: ${detail}`);
    this.name = 'PreconditionFailedError';
  }
}

export class ConflictError extends Error {
  constructor(
    readonly key: ObjectKey,
    detail: string,
  ) {
    super(`conflict on ${key.groupKind} ${key.namespace}/${key.name}: ${detail}`);
    this.name = 'ConflictError';
  }
}
