import { type KubeConfig, Watch } from '@kubernetes/client-node';
import { type CacheErrorReporter, IndexedCache } from './cache-index.js';
import { CachedStore } from './cached-store.js';
import { deepFreeze, isPlainObject } from './json-value.js';
import { apiErrorFor, isSuccess } from './kube-store/api-errors.js';
import {
  apiVersionOf,
  collectionPath,
  objectPath,
  type ResourceInfo,
  statusPath,
  withQuery,
} from './kube-store/api-paths.js';
import { Discovery } from './kube-store/discovery.js';
import { type Backoff, type InformerScope, KindInformer } from './kube-store/kind-informer.js';
import { applyBody, namespaceFor } from './kube-store/request-bodies.js';
import { type ApiTransport, kubeConfigTransport } from './kube-store/transport.js';
import type { GroupKind, KubeObject, ObjectKey } from './object.js';
import { groupKindOf, keyOf, versionOf } from './object.js';
import type {
  ApplyOptions,
  CacheTarget,
  DeletePreconditions,
  JsonPatchOperation,
  ResourceStore,
  WritePreconditions,
} from './store.js';

export interface KubeStoreOptions {
  kubeConfig: KubeConfig;
  /** Replaces HTTP to the API server (the kubeconfig still serves watches). */
  transport?: ApiTransport;
  /** Where informer failures and errors of watch handlers and index functions go. */
  onError?: CacheErrorReporter;
  backoff?: Backoff;
  /** Objects per list page. */
  pageSize?: number;
}

function defaultOnError(error: unknown, context: string): void {
  process.emitWarning(
    `${context}: ${error instanceof Error ? error.message : String(error)}`,
    'KubeStoreWarning',
  );
}

/**
 * A ResourceStore over a real cluster: informers (client-node ListWatch) fill the same indexed
 * cache MemoryStore uses; writes go to the API server (server-side apply with the caller's field
 * manager, create, delete with preconditions, merge patch of /status) and their results enter the
 * cache at once when they are in the cached version. Secrets are read on demand, never cached.
 */
export class KubeStore extends CachedStore implements ResourceStore {
  private readonly transport: ApiTransport;
  private readonly discovery: Discovery;
  /** By kind, or by `kind|namespace|name` for an informer narrowed to one object. */
  private readonly informers = new Map<string, KindInformer>();
  private readonly report: CacheErrorReporter;
  private readonly backoff: Backoff;
  private readonly pageSize: number;
  private started = false;

  constructor(private readonly options: KubeStoreOptions) {
    const report = options.onError ?? defaultOnError;
    super(new IndexedCache(report));
    this.report = report;
    this.transport = options.transport ?? kubeConfigTransport(options.kubeConfig);
    this.backoff = options.backoff ?? { initialMs: 500, maxMs: 30_000 };
    this.pageSize = options.pageSize ?? 500;
    this.discovery = new Discovery(async (path) => {
      const response = await this.transport({ method: 'GET', path });
      if (response.statusCode === 404) return undefined;
      if (!isSuccess(response.statusCode))
        throw apiErrorFor('read', undefined, response.statusCode, response.body, path);
      return response.body;
    });
  }

  async start(kinds: readonly CacheTarget[]): Promise<void> {
    this.started = true;
    const wanted: { id: string; kind: GroupKind; scope?: InformerScope }[] = [];
    for (const target of kinds) {
      if (typeof target === 'string') wanted.push({ id: target, kind: target });
      else {
        for (const name of target.names) {
          const scope = { namespace: target.namespace, name };
          wanted.push({ id: `${target.kind}|${target.namespace}|${name}`, kind: target.kind, scope });
        }
      }
    }
    const starting: Promise<void>[] = [];
    for (const { id, kind, scope } of wanted) {
      // A kind cached whole needs no informer for one of its objects.
      let informer = this.informers.get(id) ?? (scope ? this.informers.get(kind) : undefined);
      if (!informer) {
        informer = new KindInformer(
          kind,
          {
            discovery: this.discovery,
            transport: this.transport,
            makeWatch: () => new Watch(this.options.kubeConfig),
            cache: this.cache,
            report: this.report,
            backoff: this.backoff,
            pageSize: this.pageSize,
          },
          scope,
        );
        this.informers.set(id, informer);
        informer.start();
      }
      starting.push(informer.synced);
    }
    await Promise.all(starting);
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.all([...this.informers.values()].map((informer) => informer.stop()));
    this.informers.clear();
  }

  isSynced(): boolean {
    return this.started && [...this.informers.values()].every((informer) => informer.isSynced());
  }

  async readSecret(namespace: string, name: string): Promise<KubeObject | undefined> {
    const info: ResourceInfo = {
      group: '',
      version: 'v1',
      kind: 'Secret',
      plural: 'secrets',
      namespaced: true,
    };
    const path = objectPath(info, namespace, name);
    const response = await this.transport({ method: 'GET', path });
    if (response.statusCode === 404) return undefined;
    if (!isSuccess(response.statusCode) || !isPlainObject(response.body)) {
      throw apiErrorFor(
        'read',
        { groupKind: '/Secret', namespace, name },
        response.statusCode,
        response.body,
        path,
      );
    }
    return deepFreeze({ apiVersion: 'v1', kind: 'Secret', ...response.body } as KubeObject);
  }

  async readObject(key: ObjectKey): Promise<KubeObject | undefined> {
    const info = await this.discovery.preferred(key.groupKind);
    const namespace = namespaceFor(info, key.namespace);
    const path = objectPath(info, namespace, key.name);
    const response = await this.transport({ method: 'GET', path });
    if (response.statusCode === 404) return undefined;
    if (!isSuccess(response.statusCode) || !isPlainObject(response.body)) {
      throw apiErrorFor('read', { ...key, namespace }, response.statusCode, response.body, path);
    }
    return deepFreeze({ apiVersion: apiVersionOf(info), kind: info.kind, ...response.body } as KubeObject);
  }

  async apply(obj: KubeObject, options: ApplyOptions): Promise<KubeObject> {
    const info = await this.discovery.inVersion(groupKindOf(obj), versionOf(obj.apiVersion));
    const key = this.keyFor(obj, info);
    const path = withQuery(objectPath(info, key.namespace, key.name), {
      fieldManager: options.fieldManager,
      force: options.force ? true : undefined,
    });
    const response = await this.transport({
      method: 'PATCH',
      path,
      body: applyBody(obj, key.namespace),
      contentType: 'application/apply-patch+yaml',
    });
    if (!isSuccess(response.statusCode)) {
      // A stale resourceVersion: the object moved on. The cache takes the current one, so a plan
      // made again reads what the write lost to instead of waiting for the watch.
      if (response.statusCode === 409 && obj.metadata.resourceVersion !== undefined && this.informerOf(key)) {
        await this.refresh(objectPath(info, key.namespace, key.name), key);
      }
      throw apiErrorFor('apply', key, response.statusCode, response.body, path);
    }
    return this.absorb(response.body, key);
  }

  async createIfAbsent(
    obj: KubeObject,
    options: ApplyOptions,
  ): Promise<{ object: KubeObject; created: boolean }> {
    const info = await this.discovery.inVersion(groupKindOf(obj), versionOf(obj.apiVersion));
    const key = this.keyFor(obj, info);
    // A create that loses to a concurrent delete reads 404; trying again settles it.
    for (let attempt = 0; attempt < 3; attempt++) {
      const path = withQuery(collectionPath(info, key.namespace), { fieldManager: options.fieldManager });
      const response = await this.transport({ method: 'POST', path, body: applyBody(obj, key.namespace) });
      if (isSuccess(response.statusCode)) return { object: this.absorb(response.body, key), created: true };
      if (response.statusCode !== 409) {
        throw apiErrorFor('create', key, response.statusCode, response.body, path);
      }
      const readPath = objectPath(info, key.namespace, key.name);
      const existing = await this.transport({ method: 'GET', path: readPath });
      if (isSuccess(existing.statusCode)) return { object: this.absorb(existing.body, key), created: false };
      if (existing.statusCode !== 404) {
        throw apiErrorFor('read', key, existing.statusCode, existing.body, readPath);
      }
    }
    throw apiErrorFor('create', key, 409, 'the object kept being deleted while it was created', key.name);
  }

  async delete(key: ObjectKey, preconditions?: DeletePreconditions): Promise<boolean> {
    const info = await this.discovery.preferred(key.groupKind);
    const namespace = namespaceFor(info, key.namespace);
    const path = objectPath(info, namespace, key.name);
    const hasPreconditions = preconditions?.uid !== undefined || preconditions?.resourceVersion !== undefined;
    const response = await this.transport({
      method: 'DELETE',
      path,
      body: {
        apiVersion: 'v1',
        kind: 'DeleteOptions',
        ...(hasPreconditions ? { preconditions: { ...preconditions } } : {}),
      },
    });
    if (response.statusCode === 404) return false;
    if (!isSuccess(response.statusCode)) {
      throw apiErrorFor('delete', { ...key, namespace }, response.statusCode, response.body, path);
    }
    const body = response.body;
    const pending =
      isPlainObject(body) &&
      isPlainObject(body.metadata) &&
      body.metadata.deletionTimestamp &&
      Array.isArray(body.metadata.finalizers) &&
      body.metadata.finalizers.length > 0;
    if (pending) this.absorb(body, { ...key, namespace });
    else this.cache.remove(key.groupKind, namespace, key.name);
    return true;
  }

  async patchStatus(
    key: ObjectKey,
    status: unknown,
    options: ApplyOptions,
    preconditions?: WritePreconditions,
  ): Promise<KubeObject | undefined> {
    const info = await this.discovery.preferred(key.groupKind);
    const namespace = namespaceFor(info, key.namespace);
    const path = withQuery(statusPath(info, namespace, key.name), { fieldManager: options.fieldManager });
    // A resourceVersion in a merge patch is a precondition: the API server answers 409 when it moved.
    const version = preconditions?.resourceVersion;
    const response = await this.transport({
      method: 'PATCH',
      path,
      body: version === undefined ? { status } : { metadata: { resourceVersion: version }, status },
      contentType: 'application/merge-patch+json',
    });
    if (response.statusCode === 404) return undefined;
    if (!isSuccess(response.statusCode)) {
      throw apiErrorFor('patchStatus', { ...key, namespace }, response.statusCode, response.body, path);
    }
    return this.absorb(response.body, { ...key, namespace });
  }

  async patch(
    key: ObjectKey,
    operations: readonly JsonPatchOperation[],
    options: ApplyOptions,
  ): Promise<KubeObject | undefined> {
    const info = await this.discovery.preferred(key.groupKind);
    const namespace = namespaceFor(info, key.namespace);
    const path = withQuery(objectPath(info, namespace, key.name), { fieldManager: options.fieldManager });
    const response = await this.transport({
      method: 'PATCH',
      path,
      body: operations,
      contentType: 'application/json-patch+json',
    });
    if (response.statusCode === 404) return undefined;
    if (!isSuccess(response.statusCode)) {
      throw apiErrorFor('patch', { ...key, namespace }, response.statusCode, response.body, path);
    }
    return this.absorb(response.body, { ...key, namespace });
  }

  private keyFor(obj: KubeObject, info: ResourceInfo): ObjectKey {
    const key = keyOf(obj);
    if (!key.name) throw new Error(`${obj.kind} needs metadata.name`);
    return { ...key, namespace: namespaceFor(info, key.namespace) };
  }

  /** Freezes a written object and, when it is in the version the informer caches, caches it now. */
  /** Reads the object again into the cache; a failed read leaves the cache to the watch. */
  private async refresh(path: string, key: ObjectKey): Promise<void> {
    try {
      const current = await this.transport({ method: 'GET', path });
      if (isSuccess(current.statusCode)) this.absorb(current.body, key);
    } catch {
      // The watch brings the object; the caller's conflict stands either way.
    }
  }

  private absorb(body: unknown, key: ObjectKey): KubeObject {
    if (!isPlainObject(body) || !isPlainObject(body.metadata)) {
      throw apiErrorFor('read', key, 200, body, `${key.groupKind} ${key.namespace}/${key.name}`);
    }
    const obj = body as KubeObject;
    const informer = this.informerOf(key);
    if (informer && informer.apiVersion() === obj.apiVersion) informer.absorb(obj);
    return deepFreeze(obj);
  }

  /** The informer that caches the object, if any. */
  private informerOf(key: ObjectKey) {
    return (
      this.informers.get(key.groupKind) ?? this.informers.get(`${key.groupKind}|${key.namespace}|${key.name}`)
    );
  }
}
