import type { ChangeEvent } from '../../shared/events/apiserver.js';
import { compareStrings } from '../../shared/kube/json-value.js';
import type { GroupKind, KubeObject, ObjectKey } from '../../shared/kube/object.js';
import { groupKind } from '../../shared/kube/object.js';
import { DATA_LIMIT } from '../../shared/kube/sizes.js';
import { ConflictError, type ResourceStore } from '../../shared/kube/store.js';

/** The namespace of the tombstone ConfigMaps: the one infra/deploy installs acpnet in. */
export const TOMBSTONE_NAMESPACE = 'acpnet';

/** At most this many tombstones are kept: the newest by the time of their delete event. */
export const TOMBSTONE_LIMIT = 5_000;

/**
 * And their keys and values together take at most this many bytes. A typical entry (a uid of 36
 * bytes, `networking.k8s.io/Ingress team-a/shop 48213377 2026-01-01T00:00:00Z`) takes about 110
 * bytes, so 5,000 take about 550 KB; names at their 253-character limits would make 5,000 entries
 * over 3 MB, and this budget then keeps fewer (a thousand or more). Three quarters of the API
 * server's 1 MiB of ConfigMap data leaves room for the rest of the object in etcd's 1.5 MiB,
 * managedFields naming every key (about 45 bytes each) included.
 */
export const TOMBSTONE_DATA_BUDGET = (DATA_LIMIT * 3) / 4;

/** Field manager of the runtime's own writes (the tombstones), apart from any function's. */
export const RUNTIME_FIELD_MANAGER = 'acpnet-runtime';

/** A ConfigMap data key: what a uid must look like to be stored as one. */
const DATA_KEY = /^[-._a-zA-Z0-9]{1,253}$/;

/** Attempts at writing the ConfigMap when another replica writes it at the same time. */
const WRITE_ATTEMPTS = 5;

/** What is known of a deleted source object: enough to say which add or update is older. */
export interface Tombstone {
  uid: string;
  groupKind: GroupKind;
  namespace: string;
  name: string;
  /** The delete event's resourceVersion, `-` when it had none. */
  resourceVersion: string;
  /** The delete event's own time (RFC 3339), `-` when it had none. */
  time: string;
}

/** `acpnet-tombstones-<consumer>`. */
export function tombstoneConfigMapName(consumer: string): string {
  return `acpnet-tombstones-${consumer}`;
}

/** The consumer a set of functions forms when not named: their names, sorted, joined by dots. */
export function consumerOf(functions: readonly { name: string }[]): string {
  return [...new Set(functions.map((fn) => fn.name))].sort(compareStrings).join('.');
}

/** The data value: `<group/kind> <namespace>/<name> <resourceVersion> <time>` (no namespace: `<name>`). */
export function encodeTombstone(tombstone: Tombstone): string {
  const object = tombstone.namespace ? `${tombstone.namespace}/${tombstone.name}` : tombstone.name;
  return `${tombstone.groupKind} ${object} ${tombstone.resourceVersion} ${tombstone.time}`;
}

/** A stored entry read back; undefined for a key or value this runtime did not write. */
export function decodeTombstone(uid: string, value: unknown): Tombstone | undefined {
  if (!DATA_KEY.test(uid) || typeof value !== 'string') return undefined;
  const parts = value.split(' ');
  if (parts.length !== 4) return undefined;
  const [kindText = '', object = '', resourceVersion = '', time = ''] = parts;
  const kindSlash = kindText.lastIndexOf('/');
  if (kindSlash < 0 || kindSlash === kindText.length - 1 || !object || !resourceVersion || !time)
    return undefined;
  const slash = object.indexOf('/');
  return {
    uid,
    groupKind: groupKind(kindText.slice(0, kindSlash), kindText.slice(kindSlash + 1)),
    namespace: slash < 0 ? '' : object.slice(0, slash),
    name: slash < 0 ? object : object.slice(slash + 1),
    resourceVersion,
    time,
  };
}

/** The tombstone a delete event leaves; none without a uid, or with one no data key can hold. */
export function tombstoneOf(event: ChangeEvent, key: ObjectKey): Tombstone | undefined {
  if (event.uid === undefined || !DATA_KEY.test(event.uid)) return undefined;
  const time = event.time && !event.time.includes(' ') ? event.time : '-';
  const resourceVersion =
    event.resourceVersion && !event.resourceVersion.includes(' ') ? event.resourceVersion : '-';
  return {
    uid: event.uid,
    groupKind: key.groupKind,
    namespace: key.namespace,
    name: key.name,
    resourceVersion,
    time,
  };
}

function timeOf(tombstone: Tombstone): number {
  const time = Date.parse(tombstone.time);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/**
 * The newest tombstones within the bounds, newest first: ordered by the delete event's own time
 * (never the clock of this process, so replaying a log gives the same set), ties by uid; an entry
 * without a time counts as the oldest. Of one uid the later-sorting entry is dropped.
 */
export function retained(
  tombstones: Iterable<Tombstone>,
  limit = TOMBSTONE_LIMIT,
  budget = TOMBSTONE_DATA_BUDGET,
): Tombstone[] {
  const sorted = [...tombstones]
    .map((tombstone) => ({ tombstone, time: timeOf(tombstone) }))
    .sort((a, b) => b.time - a.time || compareStrings(a.tombstone.uid, b.tombstone.uid));
  const kept: Tombstone[] = [];
  const seen = new Set<string>();
  let bytes = 0;
  for (const { tombstone } of sorted) {
    if (kept.length >= limit) break;
    if (seen.has(tombstone.uid)) continue;
    const size = Buffer.byteLength(tombstone.uid) + Buffer.byteLength(encodeTombstone(tombstone));
    if (bytes + size > budget) break;
    seen.add(tombstone.uid);
    kept.push(tombstone);
    bytes += size;
  }
  return kept;
}

function storedTombstones(configMap: KubeObject | undefined): Tombstone[] {
  const data = configMap?.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  return Object.entries(data).flatMap(([uid, value]) => decodeTombstone(uid, value) ?? []);
}

function dataOf(tombstones: readonly Tombstone[]): Record<string, string> {
  const data: Record<string, string> = {};
  for (const tombstone of [...tombstones].sort((a, b) => compareStrings(a.uid, b.uid))) {
    data[tombstone.uid] = encodeTombstone(tombstone);
  }
  return data;
}

function sameData(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

export interface TombstoneOptions {
  store: ResourceStore;
  /** Names the ConfigMap: `acpnet-tombstones-<consumer>`. */
  consumer: string;
  namespace?: string;
  limit?: number;
  /** Write recorded tombstones to the store; off for a dry run, which only remembers them. */
  persist: boolean;
}

/**
 * The uids of deleted source objects, kept in a ConfigMap of the store so that a consumer started
 * again still knows them: an add or update of such a uid, redelivered after its delete, is older
 * than the delete (the API server never reuses a uid) and must not re-create what the delete
 * removed. Read once before the first event; written with server-side apply whenever a delete is
 * processed, merged with what other replicas wrote (a stale resourceVersion is a conflict, and the
 * write is tried again on the newer ConfigMap), bounded to the newest entries.
 */
export class Tombstones {
  readonly key: ObjectKey;
  private readonly limit: number;
  private known = new Map<string, Tombstone>();
  private loading: Promise<void> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: TombstoneOptions) {
    this.key = {
      groupKind: '/ConfigMap',
      namespace: options.namespace ?? TOMBSTONE_NAMESPACE,
      name: tombstoneConfigMapName(options.consumer),
    };
    this.limit = options.limit ?? TOMBSTONE_LIMIT;
  }

  /** Resolves once the stored tombstones are read; a failed read is tried again by the next call. */
  ready(): Promise<void> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  has(uid: string): boolean {
    return this.known.has(uid);
  }

  get size(): number {
    return this.known.size;
  }

  /** Remembers the tombstone of a processed delete and, unless a dry run, writes it to the store. */
  async record(event: ChangeEvent, key: ObjectKey): Promise<void> {
    const tombstone = tombstoneOf(event, key);
    if (!tombstone) return;
    this.keep([tombstone, ...this.known.values()]);
    if (!this.options.persist) return;
    // One write at a time in this process: each merges into what the previous one left.
    const write = this.writing.then(() => this.write());
    this.writing = write.catch(() => undefined);
    await write;
  }

  private async load(): Promise<void> {
    this.keep([...this.known.values(), ...storedTombstones(await this.options.store.readObject(this.key))]);
  }

  private keep(tombstones: Iterable<Tombstone>): Tombstone[] {
    const kept = retained(tombstones, this.limit);
    this.known = new Map(kept.map((t) => [t.uid, t]));
    return kept;
  }

  private async write(): Promise<void> {
    const { store } = this.options;
    for (let attempt = 1; ; attempt++) {
      const stored = await store.readObject(this.key);
      const before = storedTombstones(stored);
      const data = dataOf(this.keep([...this.known.values(), ...before]));
      if (sameData(dataOf(before), data)) return;
      try {
        await store.apply(this.configMap(data, stored?.metadata.resourceVersion), {
          fieldManager: RUNTIME_FIELD_MANAGER,
          force: true,
        });
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= WRITE_ATTEMPTS) throw error;
      }
    }
  }

  /** The whole set as this manager applies it: keys it no longer sends are removed by the apply. */
  private configMap(data: Record<string, string>, resourceVersion: string | undefined): KubeObject {
    return {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: this.key.name,
        namespace: this.key.namespace,
        labels: { 'app.kubernetes.io/part-of': 'acpnet', 'app.kubernetes.io/component': 'tombstones' },
        ...(resourceVersion !== undefined ? { resourceVersion } : {}),
      },
      data,
    };
  }
}
