import { IntervalIndex } from '../../net/interval-index.js';
import type { IPRange } from '../../net/range.js';
import { compareStrings } from '../json-value.js';
import type { KubeObject } from '../object.js';
import type { RangeHit, RangeIndexSpec } from '../store.js';

interface Occupant {
  id: string;
  object: KubeObject;
}

function compareHits(a: RangeHit, b: RangeHit): number {
  if (a.range.first !== b.range.first) return a.range.first < b.range.first ? -1 : 1;
  if (a.range.last !== b.range.last) return a.range.last < b.range.last ? -1 : 1;
  return (
    compareStrings(a.object.metadata.namespace ?? '', b.object.metadata.namespace ?? '') ||
    compareStrings(a.object.metadata.name ?? '', b.object.metadata.name ?? '')
  );
}

/** The address ranges objects of one kind occupy, for overlap queries in O(log n + k). */
export class RangeIndex {
  private readonly intervals = new IntervalIndex<Occupant>();
  private readonly entriesOf = new Map<string, number[]>();

  constructor(
    readonly spec: RangeIndexSpec,
    private readonly onError: (error: unknown, obj: KubeObject) => void,
  ) {}

  update(id: string, obj: KubeObject): void {
    this.remove(id);
    let ranges: readonly IPRange[];
    try {
      ranges = this.spec.ranges(obj);
    } catch (error) {
      this.onError(error, obj);
      return;
    }
    const entries: number[] = [];
    for (const range of ranges) {
      if (range.first > range.last) {
        this.onError(new RangeError(`range index ${this.spec.name}: first address after last`), obj);
        continue;
      }
      entries.push(this.intervals.insert(range, { id, object: obj }));
    }
    if (entries.length > 0) this.entriesOf.set(id, entries);
  }

  remove(id: string): void {
    const entries = this.entriesOf.get(id);
    if (!entries) return;
    this.entriesOf.delete(id);
    for (const entry of entries) this.intervals.remove(entry);
  }

  /** Stored ranges overlapping `range`, by first address, last address, namespace, name. */
  overlapping(range: IPRange): RangeHit[] {
    return this.intervals
      .overlapping(range)
      .map((entry) => ({ object: entry.value.object, range: entry.range }))
      .sort(compareHits);
  }
}
