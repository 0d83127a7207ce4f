import type { Address, Family } from './address.js';
import type { IPRange } from './range.js';
import { bigMax, bigMin, formatRange } from './ranges.js';

interface Span {
  first: bigint;
  last: bigint;
}

/** Sorts and merges overlapping or adjacent spans. */
function normalise(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const out: Span[] = [];
  for (const span of sorted) {
    const tail = out[out.length - 1];
    if (tail && span.first <= tail.last + 1n) {
      if (span.last > tail.last) tail.last = span.last;
    } else {
      out.push({ first: span.first, last: span.last });
    }
  }
  return out;
}

function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const first = bigMax(x.first, y.first);
    const last = bigMin(x.last, y.last);
    if (first <= last) out.push({ first, last });
    if (x.last < y.last) i++;
    else j++;
  }
  return out;
}

function subtractSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let j = 0;
  for (const x of a) {
    let first = x.first;
    while (j < b.length && b[j]!.last < first) j++;
    let k = j;
    while (k < b.length && b[k]!.first <= x.last) {
      const y = b[k]!;
      if (y.first > first) out.push({ first, last: y.first - 1n });
      if (y.last >= x.last) {
        first = x.last + 1n;
        break;
      }
      first = y.last + 1n;
      k++;
    }
    if (first <= x.last) out.push({ first, last: x.last });
  }
  return out;
}

/** Index of the span containing `value`, or -1. */
function findSpan(spans: readonly Span[], value: bigint): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (value < span.first) hi = mid - 1;
    else if (value > span.last) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * An immutable set of addresses of both families, held as sorted, disjoint, non-adjacent ranges per
 * family. Operations return new sets.
 */
export class RangeSet {
  private constructor(
    private readonly v4: readonly Span[],
    private readonly v6: readonly Span[],
  ) {}

  static readonly empty = new RangeSet([], []);

  static of(ranges: Iterable<IPRange>): RangeSet {
    const v4: Span[] = [];
    const v6: Span[] = [];
    for (const r of ranges) {
      if (r.first > r.last) continue;
      (r.family === 4 ? v4 : v6).push({ first: r.first, last: r.last });
    }
    return new RangeSet(normalise(v4), normalise(v6));
  }

  private spans(family: Family): readonly Span[] {
    return family === 4 ? this.v4 : this.v6;
  }

  union(other: RangeSet): RangeSet {
    return new RangeSet(normalise([...this.v4, ...other.v4]), normalise([...this.v6, ...other.v6]));
  }

  intersect(other: RangeSet): RangeSet {
    return new RangeSet(intersectSpans(this.v4, other.v4), intersectSpans(this.v6, other.v6));
  }

  subtract(other: RangeSet): RangeSet {
    return new RangeSet(subtractSpans(this.v4, other.v4), subtractSpans(this.v6, other.v6));
  }

  /** Whether every address of `target` (one address or a range) is in the set. */
  contains(target: Address | IPRange): boolean {
    const spans = this.spans(target.family);
    if ('value' in target) return findSpan(spans, target.value) >= 0;
    if (target.first > target.last) return true;
    const at = findSpan(spans, target.first);
    return at >= 0 && spans[at]!.last >= target.last;
  }

  /** Whether any address of `range` is in the set. */
  overlaps(range: IPRange): boolean {
    const spans = this.spans(range.family);
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.last < range.first) lo = mid + 1;
      else hi = mid;
    }
    const candidate = spans[lo];
    return candidate !== undefined && candidate.first <= range.last && range.first <= range.last;
  }

  /** Number of addresses, of one family or of both. */
  size(family?: Family): bigint {
    const families: Family[] = family ? [family] : [4, 6];
    let total = 0n;
    for (const f of families) for (const s of this.spans(f)) total += s.last - s.first + 1n;
    return total;
  }

  isEmpty(): boolean {
    return this.v4.length === 0 && this.v6.length === 0;
  }

  equals(other: RangeSet): boolean {
    const same = (a: readonly Span[], b: readonly Span[]) =>
      a.length === b.length && a.every((s, i) => s.first === b[i]!.first && s.last === b[i]!.last);
    return same(this.v4, other.v4) && same(this.v6, other.v6);
  }

  /** IPv4 ranges in order, then IPv6. */
  *ranges(): IterableIterator<IPRange> {
    for (const s of this.v4) yield { family: 4, first: s.first, last: s.last };
    for (const s of this.v6) yield { family: 6, first: s.first, last: s.last };
  }

  toArray(): IPRange[] {
    return [...this.ranges()];
  }

  toString(): string {
    return this.toArray().map(formatRange).join(',');
  }
}
