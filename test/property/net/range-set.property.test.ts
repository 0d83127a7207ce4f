import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { IPRange } from '../../../shared/net/range.js';
import { RangeSet } from '../../../shared/net/range-set.js';

// Addresses live in a small window (64 addresses at a base per family) so a set of numbers is a
// cheap exact model; the IPv6 base sits high in the space so bigint arithmetic is really exercised.
const window = 64;
const bases = { 4: 0x0a000000n, 6: 0xfd00n << 112n } as const;

const rangeArb: fc.Arbitrary<IPRange> = fc
  .tuple(fc.constantFrom<4 | 6>(4, 6), fc.nat(window - 1), fc.nat(window - 1))
  .map(([family, a, b]) => ({
    family,
    first: bases[family] + BigInt(Math.min(a, b)),
    last: bases[family] + BigInt(Math.max(a, b)),
  }));
const rangesArb = fc.array(rangeArb, { maxLength: 8 });

type Model = Set<string>;
function model(ranges: readonly IPRange[]): Model {
  const out: Model = new Set();
  for (const r of ranges) for (let v = r.first; v <= r.last; v++) out.add(`${r.family}:${v}`);
  return out;
}
const modelOf = (s: RangeSet): Model => model(s.toArray());
const sorted = (m: Model) => [...m].sort();

function assertNormalised(s: RangeSet): void {
  const ranges = s.toArray();
  for (let i = 1; i < ranges.length; i++) {
    const prev = ranges[i - 1]!;
    const cur = ranges[i]!;
    if (prev.family === cur.family) expect(prev.last + 1n < cur.first).toBe(true);
    else expect(prev.family).toBeLessThan(cur.family);
  }
}

describe('RangeSet agrees with a set-of-addresses model', () => {
  it('of / union / intersect / subtract', () => {
    fc.assert(
      fc.property(rangesArb, rangesArb, (a, b) => {
        const sa = RangeSet.of(a);
        const sb = RangeSet.of(b);
        const ma = model(a);
        const mb = model(b);
        expect(sorted(modelOf(sa))).toEqual(sorted(ma));
        const union = sa.union(sb);
        const inter = sa.intersect(sb);
        const diff = sa.subtract(sb);
        expect(sorted(modelOf(union))).toEqual(sorted(new Set([...ma, ...mb])));
        expect(sorted(modelOf(inter))).toEqual(sorted(new Set([...ma].filter((x) => mb.has(x)))));
        expect(sorted(modelOf(diff))).toEqual(sorted(new Set([...ma].filter((x) => !mb.has(x)))));
        for (const s of [sa, union, inter, diff]) assertNormalised(s);
        expect(union.size()).toBe(BigInt(new Set([...ma, ...mb]).size));
        expect(diff.isEmpty()).toBe([...ma].every((x) => mb.has(x)));
      }),
      { numRuns: 300 },
    );
  });

  it('contains and overlaps', () => {
    fc.assert(
      fc.property(rangesArb, rangeArb, (a, q) => {
        const s = RangeSet.of(a);
        const m = model(a);
        const addresses = [...model([q])];
        expect(s.contains(q)).toBe(addresses.every((x) => m.has(x)));
        expect(s.overlaps(q)).toBe(addresses.some((x) => m.has(x)));
        expect(s.contains({ family: q.family, value: q.first })).toBe(m.has(`${q.family}:${q.first}`));
      }),
      { numRuns: 300 },
    );
  });
});
