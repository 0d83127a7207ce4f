import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  type AddressAllocator,
  type AllocationResult,
  type AllocatorConfig,
  createAllocator,
  type SubnetAllocation,
  SubnetAllocator,
  Transaction,
  usableRange,
} from '../../../shared/ipam/index.js';
import { addressBits, type Family } from '../../../shared/net/address.js';
import { cidrFrom } from '../../../shared/net/cidr.js';
import type { IPRange } from '../../../shared/net/range.js';
import { NaiveAllocator } from './naive-model.js';

// Every address lives in a window of 24 at a base per family, so the model can scan it whole; the
// IPv6 base sits high in the space so bigint arithmetic is really exercised.
const window = 24;
const bases: Record<Family, bigint> = { 4: 0x0a100000n, 6: 0xfd000010001600000000000000000000n };
const owners = Array.from({ length: 10 }, (_, i) => `ns/pod-${i}`);
const poolNames = ['', 'p0', 'p1', 'p2', 'missing'];

function rangeArb(family: Family, maxWidth: number): fc.Arbitrary<IPRange> {
  return fc.tuple(fc.integer({ min: -2, max: window + 1 }), fc.nat(maxWidth)).map(([offset, width]) => ({
    family,
    first: bases[family] + BigInt(Math.max(0, offset)),
    last: bases[family] + BigInt(Math.max(0, offset) + width),
  }));
}

/** The usable range of a CIDR at the base (network+1 .. last−1, or whole for the two smallest), or random ranges. */
function usableArb(family: Family): fc.Arbitrary<IPRange[]> {
  const bits = addressBits[family];
  return fc.oneof(
    fc
      .integer({ min: bits - 4, max: bits })
      .map((prefix) => [usableRange(cidrFrom(family, bases[family], prefix))]),
    fc.array(rangeArb(family, 8), { minLength: 1, maxLength: 3 }),
  );
}

function configArb(family: Family): fc.Arbitrary<AllocatorConfig> {
  return fc.record({
    family: fc.constant(family),
    ranges: usableArb(family),
    excluded: fc.array(rangeArb(family, 3), { maxLength: 4, size: 'max' }),
    reserved: fc.array(rangeArb(family, 0), { maxLength: 1 }),
    reuse: fc.constantFrom('delayed' as const, 'immediate' as const),
    pools: fc
      .array(fc.array(rangeArb(family, 5), { minLength: 1, maxLength: 2 }), { maxLength: 3 })
      .map((pools) => pools.map((ranges, i) => ({ name: `p${i}`, ranges }))),
  });
}

type Op =
  | { op: 'allocate'; owner: number; pool: number }
  | { op: 'specific'; offset: number; owner: number }
  | { op: 'release'; offset: number }
  | { op: 'releaseOwner'; owner: number }
  | { op: 'begin' }
  | { op: 'commit' }
  | { op: 'rollback' }
  | { op: 'restore' };

const ownerArb = fc.nat(owners.length - 1);
const offsetArb = fc.oneof(
  { weight: 4, arbitrary: fc.nat(window - 1) },
  fc.integer({ min: -2, max: window + 2 }),
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({ op: fc.constant('allocate' as const), owner: ownerArb, pool: fc.nat(4) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('specific' as const), offset: offsetArb, owner: ownerArb }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('release' as const), offset: offsetArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('releaseOwner' as const), owner: ownerArb }) },
  { weight: 2, arbitrary: fc.constant({ op: 'begin' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'commit' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'rollback' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'restore' as const }) },
);

/** The allocator and the model agree on everything observable. */
function assertAgree(real: AddressAllocator, model: NaiveAllocator): void {
  for (const pool of [undefined, ...poolNames]) {
    expect(real.counters(pool)).toEqual(model.counters(pool));
    expect(real.availableRanges(pool)).toEqual(model.availableRanges(pool));
    expect(real.usingRanges(pool)).toEqual(model.usingRanges(pool));
  }
  const snapshot = real.snapshot();
  expect(snapshot).toEqual(model.snapshot());
  // Never a duplicate: one owner per address, one address per owner, all inside the range.
  expect(new Set(snapshot.allocations.map((a) => a.address)).size).toBe(snapshot.allocations.length);
  expect(new Set(snapshot.allocations.map((a) => a.owner)).size).toBe(snapshot.allocations.length);
  for (const { address } of snapshot.allocations) expect(real.contains(address)).toBe(true);
}

/** What `allocate` hands out is inside the range and never excluded (only fixed addresses are). */
function assertDynamic(result: AllocationResult, model: NaiveAllocator): void {
  if (result.ok && !result.existing) {
    expect(model.contains(result.address)).toBe(true);
    expect(model.isExcluded(result.address)).toBe(false);
  }
}

function runSingleFamily(config: AllocatorConfig, ops: readonly Op[]): void {
  let real = createAllocator(config).allocator;
  const model = new NaiveAllocator(config);
  // Open transactions, innermost last: they nest.
  const txs: { transaction: Transaction; saved: ReturnType<NaiveAllocator['clone']> }[] = [];
  const base = bases[config.family];
  for (const step of ops) {
    switch (step.op) {
      case 'allocate': {
        const pool = poolNames[step.pool]!;
        const result = real.allocate(owners[step.owner]!, pool);
        expect(result).toEqual(model.allocate(owners[step.owner]!, pool));
        assertDynamic(result, model);
        break;
      }
      case 'specific': {
        const address = base + BigInt(step.offset);
        expect(real.allocateSpecific(address, owners[step.owner]!)).toEqual(
          model.allocateSpecific(address, owners[step.owner]!),
        );
        break;
      }
      case 'release': {
        const address = base + BigInt(step.offset);
        expect(real.release(address)).toEqual(model.release(address));
        break;
      }
      case 'releaseOwner':
        expect(real.releaseOwner(owners[step.owner]!)).toEqual(model.releaseOwner(owners[step.owner]!));
        break;
      case 'begin':
        if (txs.length < 3) txs.push({ transaction: Transaction.begin(real), saved: model.clone() });
        break;
      case 'commit':
        txs.pop()?.transaction.commit();
        break;
      case 'rollback': {
        const tx = txs.pop();
        if (tx) {
          tx.transaction.rollback();
          model.restore(tx.saved);
        }
        break;
      }
      case 'restore': {
        if (txs.length > 0) break;
        const snapshot = real.snapshot();
        const restored = createAllocator(config, snapshot);
        expect(restored.report).toEqual({ loaded: snapshot.allocations.length, rejected: [] });
        real = restored.allocator;
        break;
      }
    }
    assertAgree(real, model);
  }
  for (let tx = txs.pop(); tx; tx = txs.pop()) {
    tx.transaction.rollback();
    model.restore(tx.saved);
    assertAgree(real, model);
  }
}

describe.each([4, 6] as const)('IPv%s allocator agrees with a naive model', (family) => {
  it('through allocations, fixed addresses, releases, transactions and restores', () => {
    fc.assert(
      fc.property(configArb(family), fc.array(opArb, { maxLength: 80, size: 'max' }), runSingleFamily),
      { numRuns: 120 },
    );
  });

  it('hands out every usable, non-excluded address once before reusing any', () => {
    fc.assert(
      fc.property(configArb(family), fc.nat(10), (config, releases) => {
        const real = createAllocator({ ...config, pools: [], reuse: 'delayed' }).allocator;
        const free = Number(real.counters()!.available);
        const first: bigint[] = [];
        for (let i = 0; i < free; i++) {
          const result = real.allocate(`o${i}`);
          if (!result.ok) throw new Error('ran out early');
          first.push(result.address);
        }
        // Lowest free first: ascending, no duplicates.
        expect([...first].sort((a, b) => (a < b ? -1 : 1))).toEqual(first);
        expect(new Set(first).size).toBe(first.length);
        const released = first.filter((_, i) => i % 2 === 0).slice(0, releases);
        for (const address of [...released].reverse()) real.release(address);
        const again = released.map((_, i) => real.allocate(`again${i}`));
        expect(again.map((r) => r.ok && r.address)).toEqual(released);
        expect(real.allocate('one-more')).toEqual({ ok: false, reason: 'exhausted' });
      }),
      { numRuns: 200 },
    );
  });
});

type DualOp =
  | { op: 'allocate'; owner: number; pool: number }
  | { op: 'specific'; v4?: number; v6?: number; owner: number }
  | { op: 'releaseOwner'; owner: number }
  | { op: 'restore' };

const dualOpArb: fc.Arbitrary<DualOp> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ op: fc.constant('allocate' as const), owner: ownerArb, pool: fc.nat(4) }),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      { op: fc.constant('specific' as const), v4: offsetArb, v6: offsetArb, owner: ownerArb },
      { requiredKeys: ['op', 'owner'] },
    ),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('releaseOwner' as const), owner: ownerArb }) },
  { weight: 1, arbitrary: fc.constant({ op: 'restore' as const }) },
);

/** The model's dual-stack step: every family or none. */
function modelAll(
  models: readonly NaiveAllocator[],
  step: (model: NaiveAllocator) => AllocationResult | undefined,
): SubnetAllocation {
  const saved = models.map((m) => m.clone());
  const allocations = [];
  for (const model of models) {
    const result = step(model);
    if (!result) continue;
    if (!result.ok) {
      models.forEach((m, i) => {
        m.restore(saved[i]!);
      });
      return { ok: false, family: model.config.family, failure: result };
    }
    allocations.push(result);
  }
  return { ok: true, allocations };
}

describe('dual-stack Subnet agrees with two naive models, all or nothing', () => {
  it('through allocations, fixed address pairs, releases and restores', () => {
    fc.assert(
      fc.property(
        configArb(4),
        configArb(6),
        fc.array(dualOpArb, { maxLength: 50, size: 'max' }),
        (c4, c6, ops) => {
          const layout = [c4, { ...c6, reuse: c4.reuse }];
          let real = SubnetAllocator.create('dual', layout).subnet;
          const models = layout.map((c) => new NaiveAllocator(c));
          for (const step of ops) {
            if (step.op === 'allocate') {
              const pool = poolNames[step.pool]!;
              const owner = owners[step.owner]!;
              expect(real.allocate(owner, pool)).toEqual(modelAll(models, (m) => m.allocate(owner, pool)));
            } else if (step.op === 'specific') {
              const owner = owners[step.owner]!;
              const addresses = [
                ...(step.v4 === undefined ? [] : [{ family: 4 as const, value: bases[4] + BigInt(step.v4) }]),
                ...(step.v6 === undefined ? [] : [{ family: 6 as const, value: bases[6] + BigInt(step.v6) }]),
              ];
              const expected = modelAll(models, (m) => {
                const address = addresses.find((a) => a.family === m.config.family);
                return address && m.allocateSpecific(address.value, owner);
              });
              expect(real.allocateSpecific(addresses, owner)).toEqual(expected);
            } else if (step.op === 'releaseOwner') {
              const owner = owners[step.owner]!;
              const expected = models.map((m) => m.releaseOwner(owner)).filter((r) => r.released);
              expect(real.releaseOwner(owner)).toEqual(expected);
            } else {
              const snapshots = { 4: real.family(4)!.snapshot(), 6: real.family(6)!.snapshot() };
              real = SubnetAllocator.create('dual', layout, snapshots).subnet;
            }
            models.forEach((model) => {
              assertAgree(real.family(model.config.family)!, model);
            });
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
