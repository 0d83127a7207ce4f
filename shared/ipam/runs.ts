import type { IPRange } from '../net/range.js';
import type { Key, KeyMath } from './key-math.js';
import type { Run } from './run-set.js';

/** Sorted, disjoint, non-adjacent runs from any list of runs. */
export function normaliseRuns<K extends Key>(math: KeyMath<K>, runs: readonly Run<K>[]): Run<K>[] {
  const sorted = runs.filter((r) => r.first <= r.last).sort((a, b) => (a.first < b.first ? -1 : 1));
  const out: Run<K>[] = [];
  for (const run of sorted) {
    const tail = out[out.length - 1];
    if (tail && run.first <= math.succ(tail.last)) {
      if (run.last > tail.last) tail.last = run.last;
    } else {
      out.push({ first: run.first, last: run.last });
    }
  }
  return out;
}

/** Runs of `a` not in `b`; both sorted and disjoint. */
export function subtractRuns<K extends Key>(
  math: KeyMath<K>,
  a: readonly Run<K>[],
  b: readonly Run<K>[],
): Run<K>[] {
  const out: Run<K>[] = [];
  let j = 0;
  for (const x of a) {
    let first = x.first;
    while (j < b.length && b[j]!.last < first) j++;
    let k = j;
    let covered = false;
    while (k < b.length && b[k]!.first <= x.last) {
      const y = b[k]!;
      if (y.first > first) out.push({ first, last: math.pred(y.first) });
      if (y.last >= x.last) {
        covered = true;
        break;
      }
      first = math.succ(y.last);
      k++;
    }
    if (!covered && first <= x.last) out.push({ first, last: x.last });
  }
  return out;
}

/** Runs in both `a` and `b`; both sorted and disjoint. */
export function intersectRuns<K extends Key>(a: readonly Run<K>[], b: readonly Run<K>[]): Run<K>[] {
  const out: Run<K>[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    // Not Math.max/min: keys may be bigints.
    let first = x.first;
    if (y.first > first) first = y.first;
    let last = x.last;
    if (y.last < last) last = y.last;
    if (first <= last) out.push({ first, last });
    if (x.last < y.last) i++;
    else j++;
  }
  return out;
}

/** Union of two sorted, disjoint run lists, adjacent runs joined. */
export function unionRuns<K extends Key>(
  math: KeyMath<K>,
  a: readonly Run<K>[],
  b: readonly Run<K>[],
): Run<K>[] {
  const out: Run<K>[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]!.first < b[j]!.first) ? a[i++]! : b[j++]!;
    const tail = out[out.length - 1];
    if (tail && next.first <= math.succ(tail.last)) {
      if (next.last > tail.last) tail.last = next.last;
    } else {
      out.push({ first: next.first, last: next.last });
    }
  }
  return out;
}

/** Runs of consecutive keys from ascending, distinct keys. */
export function keysToRuns<K extends Key>(math: KeyMath<K>, sortedKeys: readonly K[]): Run<K>[] {
  const out: Run<K>[] = [];
  for (const key of sortedKeys) {
    const tail = out[out.length - 1];
    if (tail && math.succ(tail.last) === key) tail.last = key;
    else out.push({ first: key, last: key });
  }
  return out;
}

export function runsSize<K extends Key>(math: KeyMath<K>, runs: readonly Run<K>[]): K {
  let total = math.zero;
  for (const run of runs) total = math.add(total, math.succ(math.sub(run.last, run.first)));
  return total;
}

/** Whether `key` lies in one of the sorted runs (binary search). */
export function runsContain<K extends Key>(runs: readonly Run<K>[], key: K): boolean {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid]!;
    if (key < run.first) hi = mid - 1;
    else if (key > run.last) lo = mid + 1;
    else return true;
  }
  return false;
}

export function runsFromRanges<K extends Key>(math: KeyMath<K>, ranges: readonly IPRange[]): Run<K>[] {
  return normaliseRuns(
    math,
    ranges.map((range) => {
      if (range.family !== math.family) {
        throw new RangeError(`an IPv${range.family} range given to an IPv${math.family} allocator`);
      }
      return { first: math.fromBig(range.first), last: math.fromBig(range.last) };
    }),
  );
}

export function runsToRanges<K extends Key>(math: KeyMath<K>, runs: readonly Run<K>[]): IPRange[] {
  return runs.map((run) => ({
    family: math.family,
    first: math.toBig(run.first),
    last: math.toBig(run.last),
  }));
}
