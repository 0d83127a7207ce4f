import type { IPRange } from '../net/range.js';
import { EqualityIndex } from './cache-index/equality-index.js';
import { KindTable } from './cache-index/kind-table.js';
import { RangeIndex } from './cache-index/range-index.js';
import { compareStrings } from './json-value.js';
import type { GroupKind, KubeObject } from './object.js';
import { groupKindOf } from './object.js';
import type {
  EqualityIndexSpec,
  RangeHit,
  RangeIndexSpec,
  Unsubscribe,
  WatchEvent,
  WatchEventType,
} from './store.js';

export type CacheErrorReporter = (error: unknown, context: string) => void;

interface KindState {
  table: KindTable;
  equality: Map<string, EqualityIndex>;
  ranges: Map<string, RangeIndex>;
  handlers: Set<(event: WatchEvent) => void>;
}

function idOf(namespace: string, name: string): string {
  // Names never contain '/', so this identifies an object within its kind.
  return `${namespace}/${name}`;
}

/**
 * Objects by kind, namespace and name with their secondary indexes and watchers. Both stores keep
 * their state here: MemoryStore writes into it directly, KubeStore feeds it from informers.
 * Stored objects are treated as immutable; callers pass objects they no longer change.
 */
export class IndexedCache {
  private readonly kinds = new Map<GroupKind, KindState>();

  constructor(private readonly reportError: CacheErrorReporter) {}

  private state(kind: GroupKind): KindState {
    let state = this.kinds.get(kind);
    if (!state) {
      state = { table: new KindTable(), equality: new Map(), ranges: new Map(), handlers: new Set() };
      this.kinds.set(kind, state);
    }
    return state;
  }

  private indexError(indexName: string) {
    return (error: unknown, obj: KubeObject) =>
      this.reportError(
        error,
        `index ${indexName} of ${obj.kind} ${obj.metadata.namespace ?? ''}/${obj.metadata.name}`,
      );
  }

  addEqualityIndex(spec: EqualityIndexSpec): void {
    const state = this.state(spec.kind);
    if (state.equality.has(spec.name))
      throw new Error(`index ${spec.name} of ${spec.kind} is already registered`);
    const index = new EqualityIndex(spec, this.indexError(spec.name));
    for (const obj of state.table.list())
      index.update(idOf(obj.metadata.namespace ?? '', obj.metadata.name ?? ''), obj);
    state.equality.set(spec.name, index);
  }

  addRangeIndex(spec: RangeIndexSpec): void {
    const state = this.state(spec.kind);
    if (state.ranges.has(spec.name))
      throw new Error(`range index ${spec.name} of ${spec.kind} is already registered`);
    const index = new RangeIndex(spec, this.indexError(spec.name));
    for (const obj of state.table.list())
      index.update(idOf(obj.metadata.namespace ?? '', obj.metadata.name ?? ''), obj);
    state.ranges.set(spec.name, index);
  }

  /** Kinds that hold at least one object, ordered. */
  kindsWithObjects(): GroupKind[] {
    return [...this.kinds.entries()]
      .filter(([, state]) => state.table.size > 0)
      .map(([kind]) => kind)
      .sort(compareStrings);
  }

  size(kind?: GroupKind): number {
    if (kind) return this.kinds.get(kind)?.table.size ?? 0;
    let total = 0;
    for (const state of this.kinds.values()) total += state.table.size;
    return total;
  }

  get(kind: GroupKind, namespace: string, name: string): KubeObject | undefined {
    return this.kinds.get(kind)?.table.get(namespace, name);
  }

  list(kind: GroupKind, namespace?: string): readonly KubeObject[] {
    return this.kinds.get(kind)?.table.list(namespace) ?? [];
  }

  byIndex(kind: GroupKind, index: string, value: string): readonly KubeObject[] {
    const found = this.kinds.get(kind)?.equality.get(index);
    if (!found) throw new Error(`no index ${index} registered for ${kind}`);
    return found.lookup(value);
  }

  overlapping(kind: GroupKind, index: string, range: IPRange): readonly RangeHit[] {
    const found = this.kinds.get(kind)?.ranges.get(index);
    if (!found) throw new Error(`no range index ${index} registered for ${kind}`);
    return found.overlapping(range);
  }

  watch(kind: GroupKind, handler: (event: WatchEvent) => void): Unsubscribe {
    const handlers = this.state(kind).handlers;
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
    };
  }

  /** Stores `obj` (ADDED or MODIFIED), re-indexes it and tells the watchers of its kind. */
  put(obj: KubeObject): WatchEventType {
    const kind = groupKindOf(obj);
    const namespace = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    const state = this.state(kind);
    const previous = state.table.put(namespace, name, obj);
    const id = idOf(namespace, name);
    for (const index of state.equality.values()) index.update(id, obj);
    for (const index of state.ranges.values()) index.update(id, obj);
    const type: WatchEventType = previous ? 'MODIFIED' : 'ADDED';
    this.notify(state, { type, object: obj });
    return type;
  }

  /** Removes an object and tells the watchers; returns what was stored, if anything. */
  remove(kind: GroupKind, namespace: string, name: string): KubeObject | undefined {
    const state = this.kinds.get(kind);
    const previous = state?.table.remove(namespace, name);
    if (!state || !previous) return undefined;
    const id = idOf(namespace, name);
    for (const index of state.equality.values()) index.remove(id);
    for (const index of state.ranges.values()) index.remove(id);
    this.notify(state, { type: 'DELETED', object: previous });
    return previous;
  }

  private notify(state: KindState, event: WatchEvent): void {
    for (const handler of [...state.handlers]) {
      try {
        handler(event);
      } catch (error) {
        this.reportError(error, `watch handler for ${event.object.kind} ${event.object.metadata.name}`);
      }
    }
  }
}
