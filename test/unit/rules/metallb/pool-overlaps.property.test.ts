import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ModelView } from '../../../../shared/kube/model/model-view.js';
import type { IPAddressPool } from '../../../../shared/kube/schemas/metallb.js';
import { formatAddress } from '../../../../shared/net/address.js';
import type { IPRange } from '../../../../shared/net/range.js';
import { rangesOverlap } from '../../../../shared/net/ranges.js';
import { metallbFamily } from '../../../../webhooks/rules/metallb/index.js';
import { ipAddressPoolRule } from '../../../../webhooks/rules/metallb/ipaddresspool.js';
import { settingsWith, storeWith } from '../support/fixture-cases.js';

interface EntryShape {
  family: 4 | 6;
  offset: number;
  length: number;
  asCidr: boolean;
}

// Addresses inside 10.30.0.0/20 or fd00:30::/116, so random pools overlap often.
const entryArb: fc.Arbitrary<EntryShape> = fc.record({
  family: fc.constantFrom<4 | 6>(4, 6),
  offset: fc.nat(0xfff),
  length: fc.integer({ min: 0, max: 9 }),
  asCidr: fc.boolean(),
});

function rangeOf(shape: EntryShape): IPRange {
  const base = shape.family === 4 ? 0x0a1e0000n : 0xfd000030n << 96n;
  if (shape.asCidr) {
    const size = 1n << BigInt(shape.length);
    const first = (base + BigInt(shape.offset)) & ~(size - 1n);
    return { family: shape.family, first, last: first + size - 1n };
  }
  const first = base + BigInt(shape.offset);
  return { family: shape.family, first, last: first + BigInt(shape.length * 7) };
}

function entryText(shape: EntryShape): string {
  const range = rangeOf(shape);
  const first = formatAddress(range.family, range.first);
  if (shape.asCidr) return `${first}/${(shape.family === 4 ? 32 : 128) - shape.length}`;
  return `${first}-${formatAddress(range.family, range.last)}`;
}

function pool(name: string, entries: EntryShape[]): IPAddressPool {
  return {
    apiVersion: 'metallb.io/v1beta1',
    kind: 'IPAddressPool',
    metadata: { name, namespace: 'metallb-system' },
    spec: { addresses: entries.map(entryText) },
  };
}

describe('pool overlap rule agrees with a brute-force check', () => {
  it('reports exactly the (entry, other pool) pairs that overlap', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(entryArb, { minLength: 1, maxLength: 3 }), { maxLength: 25 }),
        fc.array(entryArb, { minLength: 1, maxLength: 3 }),
        async (stored, candidate) => {
          const state = stored.map((entries, i) => pool(`p${i}`, entries));
          const findings = await ipAddressPoolRule.check({
            operation: 'CREATE',
            object: pool('candidate', candidate),
            view: new ModelView(storeWith([metallbFamily], state)),
            settings: settingsWith(),
          });
          const reported = findings
            .filter((f) => f.reason === 'PoolOverlap' && f.conflictsWith !== 'IPAddressPool candidate')
            .map((f) => `${f.field}|${f.conflictsWith}`)
            .sort();
          const expected = candidate
            .flatMap((entry, index) =>
              stored.flatMap((entries, i) =>
                entries
                  .filter((other) => rangesOverlap(rangeOf(entry), rangeOf(other)))
                  .map(() => `spec.addresses[${index}]|IPAddressPool metallb-system/p${i}`),
              ),
            )
            .sort();
          expect(reported).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
