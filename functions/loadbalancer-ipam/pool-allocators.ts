import { type AddressAllocator, createAllocator } from '../../shared/ipam/allocator.js';
import type { Address, Family } from '../../shared/net/address.js';
import type { HeldCounts, Transition } from './held-counts.js';
import type { Pool } from './pools.js';

/** The allocator owner of a held address: one per address (an owner holds one address). */
const ownerOf = (address: Address) => `held:${address.family}|${address.value}`;

/** What decides a pool's allocators: the addresses it hands out. */
function fingerprintOf(pool: Pool): string {
  return pool.ranges.map((r) => `${r.family}:${r.first}-${r.last}`).join(',');
}

interface PoolEntry {
  ranges: Pool['ranges'];
  fingerprint: string;
  byFamily: Map<Family, AddressAllocator>;
}

/**
 * One allocator per pool and family over the addresses the pool hands out, holding every one of
 * them some stored object holds: its lowest free address is the lowest nobody holds. Rebuilt from
 * the counts when the pool's addresses change (its spec, avoidBuggyIPs, a Subnet gateway).
 */
export class PoolAllocators {
  private readonly pools = new Map<string, PoolEntry>();

  /** Makes the pools' allocators those of `pools`, rebuilding the ones whose addresses changed. */
  reconcile(pools: readonly Pool[], counts: HeldCounts): void {
    const names = new Set(pools.map((pool) => pool.name));
    for (const name of this.pools.keys()) if (!names.has(name)) this.pools.delete(name);
    for (const pool of pools) {
      const entry = this.pools.get(pool.name);
      if (entry?.ranges === pool.ranges) continue;
      const fingerprint = fingerprintOf(pool);
      if (entry?.fingerprint === fingerprint) entry.ranges = pool.ranges;
      else this.pools.set(pool.name, { ranges: pool.ranges, fingerprint, byFamily: build(pool, counts) });
    }
  }

  /** Lays addresses that became held or free over every pool's allocators. */
  apply(transitions: readonly Transition[]): void {
    for (const { address, held } of transitions) {
      for (const entry of this.pools.values()) {
        const allocator = entry.byFamily.get(address.family);
        if (!allocator?.contains(address.value)) continue;
        if (held) allocator.allocateSpecific(address.value, ownerOf(address));
        else allocator.release(address.value);
      }
    }
  }

  /** The allocator of one pool's addresses of `family`; undefined when it has none of that family. */
  of(pool: string, family: Family): AddressAllocator | undefined {
    return this.pools.get(pool)?.byFamily.get(family);
  }
}

function build(pool: Pool, counts: HeldCounts): Map<Family, AddressAllocator> {
  const byFamily = new Map<Family, AddressAllocator>();
  for (const family of [4, 6] as const) {
    const ranges = pool.ranges.filter((range) => range.family === family);
    if (ranges.length > 0)
      byFamily.set(family, createAllocator({ family, ranges, reuse: 'immediate' }).allocator);
  }
  for (const address of counts.held()) {
    const allocator = byFamily.get(address.family);
    if (allocator?.contains(address.value)) allocator.allocateSpecific(address.value, ownerOf(address));
  }
  return byFamily;
}
