import { compareStrings } from '../json-value.js';
import type { KubeObject } from '../object.js';
import type { EqualityIndexSpec } from '../store.js';

interface Members {
  byId: Map<string, KubeObject>;
  sorted: readonly KubeObject[] | undefined;
}

function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
  return (
    compareStrings(a.metadata.namespace ?? '', b.metadata.namespace ?? '') ||
    compareStrings(a.metadata.name ?? '', b.metadata.name ?? '')
  );
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** value -> objects, kept current as objects of one kind are written and deleted. */
export class EqualityIndex {
  private readonly members = new Map<string, Members>();
  private readonly keysOf = new Map<string, readonly string[]>();

  constructor(
    readonly spec: EqualityIndexSpec,
    private readonly onError: (error: unknown, obj: KubeObject) => void,
  ) {}

  /** Indexes `obj` (identified by `id` within its kind), replacing what `id` was indexed under. */
  update(id: string, obj: KubeObject): void {
    let keys: readonly string[];
    try {
      keys = [...new Set(this.spec.keys(obj))];
    } catch (error) {
      this.remove(id);
      this.onError(error, obj);
      return;
    }
    const previous = this.keysOf.get(id);
    if (previous && sameKeys(previous, keys)) {
      // Indexed under the same values: only the object changes.
      for (const key of keys) {
        const entry = this.members.get(key)!;
        entry.byId.set(id, obj);
        entry.sorted = undefined;
      }
      return;
    }
    this.remove(id);
    for (const key of keys) {
      let entry = this.members.get(key);
      if (!entry) {
        entry = { byId: new Map(), sorted: undefined };
        this.members.set(key, entry);
      }
      entry.byId.set(id, obj);
      entry.sorted = undefined;
    }
    if (keys.length > 0) this.keysOf.set(id, keys);
  }

  remove(id: string): void {
    const keys = this.keysOf.get(id);
    if (!keys) return;
    this.keysOf.delete(id);
    for (const key of keys) {
      const entry = this.members.get(key);
      if (!entry) continue;
      entry.byId.delete(id);
      entry.sorted = undefined;
      if (entry.byId.size === 0) this.members.delete(key);
    }
  }

  /** Objects indexed under `value`, ordered by namespace then name. */
  lookup(value: string): readonly KubeObject[] {
    const entry = this.members.get(value);
    if (!entry) return [];
    entry.sorted ??= Object.freeze([...entry.byId.values()].sort(byNamespaceAndName));
    return entry.sorted;
  }
}
