import type { AddressAllocator } from '../../shared/ipam/allocator.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import { type Address, type Family, formatAddress } from '../../shared/net/address.js';
import { rangeContainsAddress } from '../../shared/net/ranges.js';
import { sharableAddresses } from './candidates.js';
import type { Holdings } from './holdings.js';
import type { PoolAllocators } from './pool-allocators.js';
import type { Pool } from './pools.js';
import type { LoadBalancerRequest } from './request.js';

/** What finding an address reads: the store, the batch's holdings, and the pools' free addresses. */
export interface SearchContext {
  view: ModelView;
  holdings: Holdings;
  free: PoolAllocators;
}

/** The lowest address the allocator has free that `usable` accepts; the allocator is left as it was. */
function lowestFree(allocator: AddressAllocator, usable: (value: bigint) => boolean): bigint | undefined {
  const depth = allocator.openJournal();
  try {
    for (let probe = 0; ; probe++) {
      const result = allocator.allocate(`probe:${probe}`);
      if (!result.ok) return undefined;
      if (usable(result.address)) return result.address;
    }
  } finally {
    allocator.closeJournal(depth, false);
  }
}

/**
 * The lowest address of `family` in the pool that the Service may use: free, or shared under its key
 * without a port clash (MetalLB's getIPFromCIDR takes the first such address). The lowest free one
 * comes from the pool's allocator of addresses no stored object holds, the held ones it might share
 * from the indexes; each is checked against the holdings (store and batch) before it is taken.
 */
export function lowestUsable(
  pool: Pool,
  family: Family,
  request: LoadBalancerRequest,
  ctx: SearchContext,
): Address | undefined {
  const allocator = ctx.free.of(pool.name, family);
  if (!allocator) return undefined;
  const usable = (value: bigint) => ctx.holdings.compatible(request, ctx.holdings.of({ family, value })).ok;
  const free = lowestFree(allocator, usable);
  const below = sharableAddresses(ctx.view, ctx.holdings, request)
    .filter(
      (a) => a.family === family && allocator.contains(a.value) && (free === undefined || a.value < free),
    )
    .map((a) => a.value)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const value = below.find(usable) ?? free;
  return value === undefined ? undefined : { family, value };
}

/** One address per family the pool can give the Service (getFreeIPsFromPool). */
export function usableFromPool(
  pool: Pool,
  request: LoadBalancerRequest,
  ctx: SearchContext,
): Partial<Record<Family, Address>> {
  const out: Partial<Record<Family, Address>> = {};
  for (const family of [4, 6] as const) {
    const address = lowestUsable(pool, family, request, ctx);
    if (address) out[family] = address;
  }
  return out;
}

/**
 * MetalLB's selectIPsForFamilyAndPolicy: a single-stack Service takes its family; a dual-stack one
 * both families, or with PreferDualStack the one the pool has (IPv4 first, MetalLB #1339).
 */
export function selectForService(
  found: Partial<Record<Family, Address>>,
  request: Pick<LoadBalancerRequest, 'family' | 'policy'>,
): Address[] | undefined {
  const { 4: v4, 6: v6 } = found;
  if (request.family !== 'dual') {
    const address = found[request.family];
    return address ? [address] : undefined;
  }
  if (v4 && v6 && request.policy !== 'SingleStack') return [v4, v6];
  if (request.policy === 'PreferDualStack') {
    const one = v4 ?? v6;
    return one ? [one] : undefined;
  }
  return undefined;
}

/** Why `request` may not take `address` of `pool`, or undefined when it may. */
export function refusal(
  address: Address,
  pool: Pool,
  request: LoadBalancerRequest,
  holdings: Holdings,
): string | undefined {
  const text = formatAddress(address.family, address.value);
  if (!pool.ranges.some((range) => rangeContainsAddress(range, address))) {
    return `${text} is not an address IPAddressPool ${pool.name} hands out`;
  }
  const verdict = holdings.compatible(request, holdings.of(address));
  return verdict.ok ? undefined : `${text} is held by ${verdict.holder}, ${verdict.why}`;
}
