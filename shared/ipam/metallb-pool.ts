import type { IPAddressPool } from '../kube/schemas/metallb.js';
import { parsePoolAddresses } from '../metallb/pool-addresses.js';
import type { Address, Family } from '../net/address.js';
import { parseCidr } from '../net/cidr.js';
import type { IPRange } from '../net/range.js';
import { RangeSet } from '../net/range-set.js';
import {
  type AddressAllocator,
  type AllocatorSnapshot,
  createAllocator,
  type RestoreReport,
} from './allocator.js';
import type { AllocationResult, AllocatorCounters, ReleaseResult } from './results.js';

/** One entry of an IPAddressPool's addresses: its range, and its prefix when written as a CIDR. */
export interface PoolAddressEntry {
  range: IPRange;
  prefix?: number;
}

/** The entries of `spec.addresses` that parse (the rest offer nothing, as the admission rules say). */
export function poolAddressEntries(pool: IPAddressPool): PoolAddressEntry[] {
  return parsePoolAddresses(pool).entries.map(({ text, range }) =>
    text.includes('/') ? { range, prefix: parseCidr(text.trim()).prefix } : { range },
  );
}

/**
 * IPv4 addresses `avoidBuggyIPs` takes out of a pool: every address ending in .0 or .255, as MetalLB
 * does (internal/allocator ipConfusesBuggyFirmwares), and the network and broadcast address of every
 * IPv4 CIDR entry of prefix 30 or shorter, which MetalLB hands out (MetalLB #674: x.x.x.32/27 gave
 * x.x.x.32). A /31 or /32 entry has no network or broadcast address to avoid (RFC 3021).
 */
export function buggyAddresses(entries: readonly PoolAddressEntry[]): IPRange[] {
  const out: IPRange[] = [];
  const single = (value: bigint) => out.push({ family: 4, first: value, last: value });
  for (const { range, prefix } of entries) {
    if (range.family !== 4) continue;
    for (let block = range.first >> 8n; block <= range.last >> 8n; block++) {
      for (const value of [block << 8n, (block << 8n) | 255n]) {
        if (range.first <= value && value <= range.last) single(value);
      }
    }
    if (prefix !== undefined && prefix <= 30) {
      single(range.first);
      single(range.last);
    }
  }
  return out;
}

/** The addresses a pool hands out: its entries, minus the buggy ones when `avoidBuggyIPs` is set. */
export function poolAllocatableRanges(
  entries: readonly PoolAddressEntry[],
  avoidBuggyIPs: boolean,
): IPRange[] {
  const all = RangeSet.of(entries.map((e) => e.range));
  return (avoidBuggyIPs ? all.subtract(RangeSet.of(buggyAddresses(entries))) : all).toArray();
}

/**
 * A MetalLB IPAddressPool's allocators, one per family it offers. Within a family, the lowest free
 * address first, released addresses reused at once (MetalLB's getIPFromCIDR walks each CIDR from its
 * first address and takes the first one no Service holds); nothing is excluded but the buggy
 * addresses, which are not in the pool at all (MetalLB's poolFor skips them for a requested address).
 */
export class AddressPool {
  private constructor(
    readonly name: string,
    private readonly byFamily: ReadonlyMap<Family, AddressAllocator>,
  ) {}

  static create(
    name: string,
    ranges: readonly IPRange[],
    snapshots: Partial<Record<Family, Partial<AllocatorSnapshot>>> = {},
  ): { pool: AddressPool; report: RestoreReport } {
    const byFamily = new Map<Family, AddressAllocator>();
    const report: RestoreReport = { loaded: 0, rejected: [] };
    for (const family of [4, 6] as const) {
      const own = ranges.filter((r) => r.family === family);
      if (own.length === 0) continue;
      const created = createAllocator({ family, ranges: own, reuse: 'immediate' }, snapshots[family]);
      byFamily.set(family, created.allocator);
      report.loaded += created.report.loaded;
      report.rejected.push(...created.report.rejected);
    }
    return { pool: new AddressPool(name, byFamily), report };
  }

  static fromIPAddressPool(
    pool: IPAddressPool,
    snapshots?: Partial<Record<Family, Partial<AllocatorSnapshot>>>,
  ): { pool: AddressPool; report: RestoreReport } {
    const ranges = poolAllocatableRanges(poolAddressEntries(pool), pool.spec.avoidBuggyIPs === true);
    return AddressPool.create(pool.metadata.name ?? '', ranges, snapshots);
  }

  /** The families the pool has addresses of (an IPv4-only pool serves PreferDualStack with IPv4). */
  get families(): Family[] {
    return [...this.byFamily.keys()];
  }

  family(family: Family): AddressAllocator | undefined {
    return this.byFamily.get(family);
  }

  allocators(): Iterable<AddressAllocator> {
    return this.byFamily.values();
  }

  /** The owner's address of `family` when it holds one; else the lowest free one. */
  allocate(family: Family, owner: string): AllocationResult {
    return this.byFamily.get(family)?.allocate(owner) ?? { ok: false, reason: 'exhausted' };
  }

  allocateSpecific(address: Address, owner: string): AllocationResult {
    const allocator = this.byFamily.get(address.family);
    if (!allocator) return { ok: false, reason: 'outOfRange', address: address.value };
    return allocator.allocateSpecific(address.value, owner);
  }

  release(address: Address): ReleaseResult {
    return this.byFamily.get(address.family)?.release(address.value) ?? { released: false };
  }

  /** Releases the owner's addresses of every family. */
  releaseOwner(owner: string): ReleaseResult[] {
    return [...this.byFamily.values()].map((a) => a.releaseOwner(owner)).filter((r) => r.released);
  }

  holderOf(address: Address): string | undefined {
    return this.byFamily.get(address.family)?.holderOf(address.value);
  }

  contains(address: Address): boolean {
    return this.byFamily.get(address.family)?.contains(address.value) ?? false;
  }

  counters(family: Family): AllocatorCounters | undefined {
    return this.byFamily.get(family)?.counters();
  }
}
