import { describe, expect, it } from '@jest/globals';
import { cidrRange, IntervalIndex, parseCidr } from '../../../shared/net/index.js';

const r = (cidr: string) => cidrRange(parseCidr(cidr));

describe('IntervalIndex', () => {
  it('finds overlapping entries by first address, then insertion order', () => {
    const index = new IntervalIndex<string>();
    index.insert(r('10.0.1.0/24'), 'b');
    index.insert(r('10.0.0.0/16'), 'a');
    index.insert(r('10.0.1.0/24'), 'b2');
    index.insert(r('10.1.0.0/16'), 'c');
    index.insert(r('fd00::/64'), 'v6');
    expect(index.overlapping(r('10.0.1.128/25')).map((e) => e.value)).toEqual(['a', 'b', 'b2']);
    expect(index.overlapping(r('10.0.0.0/8')).map((e) => e.value)).toEqual(['a', 'b', 'b2', 'c']);
    expect(index.overlapping(r('fd00::1/128')).map((e) => e.value)).toEqual(['v6']);
    expect(index.overlapping(r('10.2.0.0/16'))).toEqual([]);
    expect(index.size).toBe(5);
  });

  it('forgets removed entries and refuses unknown ids', () => {
    const index = new IntervalIndex<number>();
    const ids = [0, 1, 2, 3].map((i) => index.insert(r(`10.0.${i}.0/24`), i));
    expect(index.remove(ids[1]!)).toBe(true);
    expect(index.remove(ids[1]!)).toBe(false);
    expect(index.remove(999)).toBe(false);
    expect(index.overlapping(r('10.0.0.0/16')).map((e) => e.value)).toEqual([0, 2, 3]);
    expect(index.get(ids[2]!)?.value).toBe(2);
    expect([...index.entries()].map((e) => e.value)).toEqual([0, 2, 3]);
    index.clear();
    expect(index.size).toBe(0);
  });

  it('refuses an inverted interval', () => {
    const index = new IntervalIndex<number>();
    expect(() => index.insert({ family: 4, first: 5n, last: 4n }, 1)).toThrow(RangeError);
  });

  it('holds 100,000 entries', () => {
    const index = new IntervalIndex<number>();
    for (let i = 0; i < 100_000; i++) {
      index.insert({ family: 4, first: BigInt(i) * 256n, last: BigInt(i) * 256n + 255n }, i);
    }
    const hits = index.overlapping({ family: 4, first: 256n * 500n + 10n, last: 256n * 502n });
    expect(hits.map((e) => e.value)).toEqual([500, 501, 502]);
  });

  it('holds 100,000 IPv6 /64s beside IPv4 entries and removes half of them', () => {
    const index = new IntervalIndex<number>();
    const base = 0xfd00n << 112n;
    const ids: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const first = base + (BigInt(i) << 64n);
      ids.push(index.insert({ family: 6, first, last: first + (1n << 64n) - 1n }, i));
    }
    index.insert(r('10.0.0.0/8'), -1);
    for (let i = 0; i < 100_000; i += 2) index.remove(ids[i]!);
    const query = r('fd00:0:0:4e1f::/64');
    expect(index.overlapping(query).map((e) => e.value)).toEqual([19999]);
    expect(index.overlapping(r('fd00:0:0:4e20::/63'))).toEqual([expect.objectContaining({ value: 20001 })]);
    expect(index.overlapping(r('fd00::/16'))).toHaveLength(50_000);
    expect(index.overlapping(r('10.1.0.0/16')).map((e) => e.value)).toEqual([-1]);
    expect(index.size).toBe(50_001);
  });
});
