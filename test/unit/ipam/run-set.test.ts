import { describe, expect, it } from '@jest/globals';
import { v4Math, v6Math } from '../../../shared/ipam/key-math.js';
import { RunSet } from '../../../shared/ipam/run-set.js';

const runsOf = (set: RunSet<number>) => set.toRuns().map((r) => [r.first, r.last]);

describe('RunSet', () => {
  it('builds from sorted runs, joining adjacent ones', () => {
    const set = RunSet.fromSortedRuns(v4Math, [
      { first: 1, last: 3 },
      { first: 4, last: 4 },
      { first: 8, last: 9 },
    ]);
    expect(runsOf(set)).toEqual([
      [1, 4],
      [8, 9],
    ]);
    expect(set.size).toBe(6);
    expect(set.runCount).toBe(2);
    expect(set.min()).toBe(1);
  });

  it('refuses overlapping or unsorted runs', () => {
    expect(() =>
      RunSet.fromSortedRuns(v4Math, [
        { first: 5, last: 6 },
        { first: 1, last: 2 },
      ]),
    ).toThrow(RangeError);
  });

  it('takes the lowest key first, dropping emptied runs', () => {
    const set = RunSet.fromSortedRuns(v4Math, [
      { first: 1, last: 2 },
      { first: 5, last: 5 },
    ]);
    expect([set.takeMin(), set.takeMin(), set.takeMin(), set.takeMin()]).toEqual([1, 2, 5, undefined]);
    expect(set.isEmpty()).toBe(true);
    expect(set.size).toBe(0);
  });

  it('adds keys, joining the runs on either side', () => {
    const set = new RunSet(v4Math);
    for (const key of [5, 7, 3, 6, 4]) expect(set.add(key)).toBe(true);
    expect(set.add(6)).toBe(false);
    expect(runsOf(set)).toEqual([[3, 7]]);
    expect(set.runCount).toBe(1);
    expect(set.min()).toBe(3);
  });

  it('deletes keys, splitting a run when the key lies inside', () => {
    const set = RunSet.fromSortedRuns(v4Math, [{ first: 1, last: 9 }]);
    expect(set.delete(5)).toBe(true);
    expect(set.delete(5)).toBe(false);
    expect(set.delete(1)).toBe(true);
    expect(set.delete(9)).toBe(true);
    expect(runsOf(set)).toEqual([
      [2, 4],
      [6, 8],
    ]);
    expect(set.has(4)).toBe(true);
    expect(set.has(5)).toBe(false);
    expect(set.size).toBe(6);
  });

  it('exchanges contents with another set', () => {
    const a = RunSet.fromSortedRuns(v4Math, [{ first: 1, last: 2 }]);
    const b = new RunSet(v4Math);
    b.add(9);
    a.swapWith(b);
    expect(runsOf(a)).toEqual([[9, 9]]);
    expect(runsOf(b)).toEqual([[1, 2]]);
    expect(a.takeMin()).toBe(9);
    expect(b.takeMin()).toBe(1);
  });

  it('works on IPv6 bigint keys', () => {
    const base = 0xfd00n << 112n;
    const set = RunSet.fromSortedRuns(v6Math, [{ first: base, last: base + 2n ** 64n - 1n }]);
    expect(set.size).toBe(2n ** 64n);
    expect(set.takeMin()).toBe(base);
    expect(set.delete(base + 10n)).toBe(true);
    expect(set.toRuns()).toEqual([
      { first: base + 1n, last: base + 9n },
      { first: base + 11n, last: base + 2n ** 64n - 1n },
    ]);
  });

  it('stays shallow under 100,000 single-key runs inserted in order', () => {
    const set = new RunSet(v4Math);
    for (let i = 0; i < 100_000; i++) set.add(i * 2);
    expect(set.runCount).toBe(100_000);
    expect(set.height()).toBeLessThan(60);
    const built = RunSet.fromSortedRuns(
      v4Math,
      Array.from({ length: 100_000 }, (_, i) => ({ first: i * 2, last: i * 2 })),
    );
    expect(built.height()).toBeLessThan(60);
  });

  it('keeps taking the lowest key correctly while runs are added and removed elsewhere', () => {
    const set = RunSet.fromSortedRuns(
      v4Math,
      Array.from({ length: 50 }, (_, i) => ({ first: i * 4, last: i * 4 + 1 })),
    );
    const taken: number[] = [];
    for (let i = 0; i < 40; i++) {
      taken.push(set.takeMin()!);
      set.add(1000 + i * 2);
      set.delete(150 + i);
    }
    expect(taken.slice(0, 6)).toEqual([0, 1, 4, 5, 8, 9]);
    const rest: number[] = [];
    for (let k = set.takeMin(); k !== undefined; k = set.takeMin()) rest.push(k);
    expect([...rest].sort((a, b) => a - b)).toEqual(rest);
    expect(new Set([...taken, ...rest]).size).toBe(taken.length + rest.length);
  });
});
