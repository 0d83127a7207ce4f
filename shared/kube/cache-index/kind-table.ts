import { compareStrings } from '../json-value.js';
import type { KubeObject } from '../object.js';

/** Index of the first element >= `value` in a sorted array. */
function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareStrings(sorted[mid]!, value) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(sorted: string[], value: string): void {
  sorted.splice(lowerBound(sorted, value), 0, value);
}

function removeSorted(sorted: string[], value: string): void {
  const at = lowerBound(sorted, value);
  if (sorted[at] === value) sorted.splice(at, 1);
}

/** Merges two sorted arrays of distinct strings into one sorted array. */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareStrings(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

class NamespaceBucket {
  readonly byName = new Map<string, KubeObject>();
  /** Names in order, except those added since the last listing (kept in `added`). */
  names: string[] = [];
  /** Names added since the last listing: sorted in on the next listing instead of on each insert. */
  readonly added = new Set<string>();
  listed: readonly KubeObject[] | undefined;

  orderedNames(): readonly string[] {
    if (this.added.size > 0) {
      this.names = mergeSorted(this.names, [...this.added].sort(compareStrings));
      this.added.clear();
    }
    return this.names;
  }
}

/**
 * The objects of one kind, kept ordered by namespace then name (code-unit order) so listing is
 * deterministic without sorting on every read. New names are sorted in when the namespace is next
 * listed, so a run of inserts costs one sort and merge rather than an array splice each.
 */
export class KindTable {
  private readonly buckets = new Map<string, NamespaceBucket>();
  private readonly namespaces: string[] = [];
  private listed: readonly KubeObject[] | undefined;
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(namespace: string, name: string): KubeObject | undefined {
    return this.buckets.get(namespace)?.byName.get(name);
  }

  /** Stores `obj` under (namespace, name); returns the object it replaced. */
  put(namespace: string, name: string, obj: KubeObject): KubeObject | undefined {
    let bucket = this.buckets.get(namespace);
    if (!bucket) {
      bucket = new NamespaceBucket();
      this.buckets.set(namespace, bucket);
      insertSorted(this.namespaces, namespace);
    }
    const previous = bucket.byName.get(name);
    bucket.byName.set(name, obj);
    if (!previous) {
      bucket.added.add(name);
      this.count++;
    }
    bucket.listed = undefined;
    this.listed = undefined;
    return previous;
  }

  remove(namespace: string, name: string): KubeObject | undefined {
    const bucket = this.buckets.get(namespace);
    const previous = bucket?.byName.get(name);
    if (!bucket || !previous) return undefined;
    bucket.byName.delete(name);
    if (!bucket.added.delete(name)) removeSorted(bucket.names, name);
    this.count--;
    if (bucket.byName.size === 0) {
      this.buckets.delete(namespace);
      removeSorted(this.namespaces, namespace);
    }
    bucket.listed = undefined;
    this.listed = undefined;
    return previous;
  }

  /** Objects of one namespace, or of all namespaces ('' = cluster-scoped first), ordered. */
  list(namespace?: string): readonly KubeObject[] {
    if (namespace !== undefined) {
      const bucket = this.buckets.get(namespace);
      if (!bucket) return [];
      bucket.listed ??= Object.freeze(bucket.orderedNames().map((name) => bucket.byName.get(name)!));
      return bucket.listed;
    }
    if (!this.listed) {
      const all: KubeObject[] = [];
      for (const ns of this.namespaces) {
        for (const obj of this.list(ns)) all.push(obj);
      }
      this.listed = Object.freeze(all);
    }
    return this.listed;
  }
}
