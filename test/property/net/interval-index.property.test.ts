import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cidrFrom } from '../../../shared/net/cidr.js';
import { IntervalIndex } from '../../../shared/net/interval-index.js';
import type { IPRange } from '../../../shared/net/range.js';
import { rangesOverlap } from '../../../shared/net/ranges.js';

// Random CIDRs in a /16 (IPv4) or /112 (IPv6) so overlaps are frequent.
const cidrArb: fc.Arbitrary<IPRange> = fc
  .tuple(fc.constantFrom<4 | 6>(4, 6), fc.nat(0xffff), fc.integer({ min: 0, max: 16 }))
  .map(([family, offset, hostBits]) => {
    const base = family === 4 ? 0x0a100000n : 0xfd00n << 112n;
    const prefix = (family === 4 ? 32 : 128) - hostBits;
    const cidr = cidrFrom(family, base + BigInt(offset), prefix);
    return { family, first: cidr.network, last: cidr.last };
  });

type Step =
  | { op: 'insert'; range: IPRange }
  | { op: 'remove'; pick: number }
  | { op: 'query'; range: IPRange };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: cidrArb.map((range) => ({ op: 'insert' as const, range })) },
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ op: 'remove' as const, pick })) },
  { weight: 3, arbitrary: cidrArb.map((range) => ({ op: 'query' as const, range })) },
);

describe('IntervalIndex agrees with a linear scan', () => {
  it('through inserts, removals and queries', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 120 }), (steps) => {
        const index = new IntervalIndex<number>();
        // The model: live entries in insertion order.
        let live: { id: number; range: IPRange; value: number }[] = [];
        let counter = 0;
        for (const step of steps) {
          if (step.op === 'insert') {
            const value = counter++;
            live.push({ id: index.insert(step.range, value), range: step.range, value });
          } else if (step.op === 'remove') {
            if (live.length === 0) continue;
            const victim = live[step.pick % live.length]!;
            expect(index.remove(victim.id)).toBe(true);
            live = live.filter((e) => e !== victim);
          } else {
            const expected = live
              .filter((e) => rangesOverlap(e.range, step.range))
              .sort((a, b) =>
                a.range.first === b.range.first ? a.id - b.id : a.range.first < b.range.first ? -1 : 1,
              )
              .map((e) => e.value);
            expect(index.overlapping(step.range).map((e) => e.value)).toEqual(expected);
          }
        }
        expect(index.size).toBe(live.length);
      }),
      { numRuns: 200 },
    );
  });
});
