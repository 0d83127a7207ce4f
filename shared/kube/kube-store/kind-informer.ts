import { type KubernetesObject, ListWatch, type Watch } from '@kubernetes/client-node';
import type { CacheErrorReporter, IndexedCache } from '../cache-index.js';
import { deepFreeze, isPlainObject } from '../json-value.js';
import type { GroupKind, KubeObject } from '../object.js';
import { apiErrorFor, isSuccess } from './api-errors.js';
import { apiVersionOf, collectionPath, type ResourceInfo, withQuery } from './api-paths.js';
import { cachedForm } from './cached-form.js';
import { type Discovery, UnknownKindError } from './discovery.js';
import type { ApiTransport } from './transport.js';

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

export interface KindInformerDeps {
  discovery: Discovery;
  transport: ApiTransport;
  makeWatch: () => Watch;
  cache: IndexedCache;
  report: CacheErrorReporter;
  backoff: Backoff;
  pageSize: number;
}

/** Whether `candidate` is newer than `cached` (resourceVersions compare as numbers when they are). */
export function isNewerVersion(candidate: string | undefined, cached: string | undefined): boolean {
  if (candidate === undefined || cached === undefined) return true;
  if (/^\d+$/.test(candidate) && /^\d+$/.test(cached)) {
    return BigInt(candidate) > BigInt(cached);
  }
  return candidate !== cached;
}

/** One object an informer is narrowed to: it lists and watches `metadata.name=<name>` in the namespace. */
export interface InformerScope {
  namespace: string;
  name: string;
}

/**
 * Keeps the cache of one kind current with a client-node ListWatch: lists (paged) and watches the
 * kind's preferred version across namespaces, or only the object of a scope. Failures are retried with exponential backoff: a
 * broken watch resumes from the last resourceVersion, an expired one re-lists. A kind the server
 * does not serve counts as synced and empty, and discovery is retried (its CRD may come later).
 */
export class KindInformer {
  private info: ResourceInfo | undefined;
  private listWatch: ListWatch<KubernetesObject> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private delayMs = 0;
  private stopped = true;
  private listed = false;
  private reportedUnknown = false;
  private resolveSynced: () => void = () => {};
  readonly synced: Promise<void>;

  constructor(
    readonly groupKind: GroupKind,
    private readonly deps: KindInformerDeps,
    readonly scope?: InformerScope,
  ) {
    this.synced = new Promise((resolve) => {
      this.resolveSynced = resolve;
    });
  }

  isSynced(): boolean {
    return this.listed;
  }

  /** The apiVersion objects of this kind are cached in, once discovery has answered. */
  apiVersion(): string | undefined {
    return this.info ? apiVersionOf(this.info) : undefined;
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.listWatch?.stop();
  }

  /** Stores an object unless the cache already holds this or a newer version of it. */
  absorb(obj: KubeObject): void {
    const name = obj.metadata?.name;
    if (!name) return;
    const cached = this.deps.cache.get(this.groupKind, obj.metadata.namespace ?? '', name);
    if (cached && !isNewerVersion(obj.metadata.resourceVersion, cached.metadata.resourceVersion)) return;
    this.deps.cache.put(deepFreeze(cachedForm(obj)));
  }

  /** Whether this informer keeps the object: every object of the kind, or the one of its scope. */
  covers(obj: { metadata: { namespace?: string; name?: string } }): boolean {
    if (!this.scope) return true;
    return (obj.metadata.namespace ?? '') === this.scope.namespace && obj.metadata.name === this.scope.name;
  }

  forget(obj: KubeObject): void {
    const name = obj.metadata?.name;
    if (name) this.deps.cache.remove(this.groupKind, obj.metadata.namespace ?? '', name);
  }

  private markSynced(): void {
    this.listed = true;
    this.resolveSynced();
  }

  private async connect(): Promise<void> {
    this.retryTimer = undefined;
    if (this.stopped) return;
    if (!this.info) {
      try {
        this.info = await this.deps.discovery.preferred(this.groupKind);
      } catch (error) {
        const unknown = error instanceof UnknownKindError;
        if (unknown) this.markSynced();
        // A kind the server lacks is reported once, not at every retry.
        this.failed(error, !unknown || !this.reportedUnknown);
        if (unknown) this.reportedUnknown = true;
        return;
      }
    }
    this.listWatch ??= this.makeListWatch(this.info);
    if (this.stopped) return;
    try {
      // List failures reach the 'error' callback; this catches what fails before a request is made.
      await this.listWatch.start();
    } catch (error) {
      this.failed(error);
    }
  }

  private failed(error: unknown, report = true): void {
    if (this.stopped) return;
    if (report) this.deps.report(error, `informer for ${this.groupKind}`);
    const { initialMs, maxMs } = this.deps.backoff;
    this.delayMs = this.delayMs ? Math.min(this.delayMs * 2, maxMs) : initialMs;
    this.retryTimer = setTimeout(() => void this.connect(), this.delayMs);
    this.retryTimer.unref();
  }

  /** The field selector of a scope: RBAC then authorizes the list and watch by the object's name. */
  private fieldSelector(): string | undefined {
    return this.scope ? `metadata.name=${this.scope.name}` : undefined;
  }

  private makeListWatch(info: ResourceInfo): ListWatch<KubernetesObject> {
    const listWatch = new ListWatch<KubernetesObject>(
      collectionPath(info, this.scope?.namespace),
      this.deps.makeWatch(),
      () => this.list(info),
      false,
      undefined,
      this.fieldSelector(),
    );
    const onChange = (obj: KubernetesObject) => {
      this.delayMs = 0;
      this.absorb(obj as KubeObject);
    };
    listWatch.on('add', onChange);
    listWatch.on('update', onChange);
    listWatch.on('delete', (obj) => {
      this.delayMs = 0;
      this.forget(obj as KubeObject);
    });
    listWatch.on('error', (error) => this.failed(error));
    return listWatch;
  }

  /**
   * Lists every object of the kind page by page into the cache (objects the cache holds but the list
   * lacks are gone), then hands the list to ListWatch, which watches from its resourceVersion.
   */
  private async list(
    info: ResourceInfo,
  ): Promise<{ metadata: { resourceVersion: string }; items: KubernetesObject[] }> {
    const items: KubeObject[] = [];
    let resourceVersion: string | undefined;
    let next: string | undefined;
    do {
      const path = withQuery(collectionPath(info, this.scope?.namespace), {
        fieldSelector: this.fieldSelector(),
        limit: this.deps.pageSize,
        continue: next,
      });
      const response = await this.deps.transport({ method: 'GET', path });
      if (!isSuccess(response.statusCode) || !isPlainObject(response.body)) {
        throw apiErrorFor('list', undefined, response.statusCode, response.body, path);
      }
      const metadata = isPlainObject(response.body.metadata) ? response.body.metadata : {};
      resourceVersion ??= typeof metadata.resourceVersion === 'string' ? metadata.resourceVersion : '';
      next = typeof metadata.continue === 'string' && metadata.continue ? metadata.continue : undefined;
      const page = Array.isArray(response.body.items) ? response.body.items : [];
      for (const item of page) {
        if (!isPlainObject(item) || !isPlainObject(item.metadata)) continue;
        // List items of built-in kinds come without apiVersion and kind.
        items.push({ ...item, apiVersion: apiVersionOf(info), kind: info.kind, metadata: item.metadata });
      }
    } while (next);

    const present = new Set(items.map((item) => `${item.metadata.namespace ?? ''}/${item.metadata.name}`));
    for (const cached of this.deps.cache.list(this.groupKind)) {
      if (this.scope && !this.covers(cached)) continue;
      if (!present.has(`${cached.metadata.namespace ?? ''}/${cached.metadata.name}`)) this.forget(cached);
    }
    for (const item of items) this.absorb(item);
    this.delayMs = 0;
    this.markSynced();
    return { metadata: { resourceVersion: resourceVersion ?? '' }, items: items as KubernetesObject[] };
  }
}
