import type { IPRange } from '../net/range.js';
import type { IndexedCache } from './cache-index.js';
import type { GroupKind, KubeObject } from './object.js';
import type { EqualityIndexSpec, RangeHit, RangeIndexSpec, Unsubscribe, WatchEvent } from './store.js';

/** The reads, indexes and watches both stores serve from their IndexedCache. */
export abstract class CachedStore {
  protected constructor(protected readonly cache: IndexedCache) {}

  /** Kinds holding at least one cached object, ordered. */
  kinds(): GroupKind[] {
    return this.cache.kindsWithObjects();
  }

  addEqualityIndex(spec: EqualityIndexSpec): void {
    this.cache.addEqualityIndex(spec);
  }

  addRangeIndex(spec: RangeIndexSpec): void {
    this.cache.addRangeIndex(spec);
  }

  watch(kind: GroupKind, handler: (event: WatchEvent) => void): Unsubscribe {
    return this.cache.watch(kind, handler);
  }

  get<T extends KubeObject = KubeObject>(kind: GroupKind, namespace: string, name: string): T | undefined {
    return this.cache.get(kind, namespace, name) as T | undefined;
  }

  list<T extends KubeObject = KubeObject>(kind: GroupKind, namespace?: string): readonly T[] {
    return this.cache.list(kind, namespace) as readonly T[];
  }

  byIndex<T extends KubeObject = KubeObject>(kind: GroupKind, index: string, value: string): readonly T[] {
    return this.cache.byIndex(kind, index, value) as readonly T[];
  }

  overlapping<T extends KubeObject = KubeObject>(
    kind: GroupKind,
    index: string,
    range: IPRange,
  ): readonly RangeHit<T>[] {
    return this.cache.overlapping(kind, index, range) as readonly RangeHit<T>[];
  }
}
