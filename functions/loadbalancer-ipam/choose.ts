import type { HeldAddress } from '../../shared/ipam/index.js';
import { AddressPool } from '../../shared/ipam/index.js';
import { type Address, type Family, formatAddress, parseAddress } from '../../shared/net/address.js';
import { rangeContainsAddress } from '../../shared/net/ranges.js';
import type { Holdings } from './holdings.js';
import type { Pool } from './pools.js';
import type { LoadBalancerRequest } from './request.js';

/**
 * The lowest address of `family` in the pool that the Service may use: free, or shared under its key
 * without a port clash (MetalLB's getIPFromCIDR takes the first such address). The pool's allocator
 * is loaded with the addresses others hold that the Service may not share.
 */
export function lowestUsable(
  pool: Pool,
  family: Family,
  request: LoadBalancerRequest,
  holdings: Holdings,
): Address | undefined {
  const ranges = pool.ranges.filter((range) => range.family === family);
  if (ranges.length === 0) return undefined;
  const taken: HeldAddress[] = [];
  for (const range of pool.extent.filter((r) => r.family === family)) {
    for (const [text, holders] of holdings.within(range)) {
      const verdict = holdings.compatible(request, holders);
      if (!verdict.ok) taken.push({ address: parseAddress(text).value, owner: verdict.holder });
    }
  }
  taken.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  const { pool: allocator } = AddressPool.create(pool.name, ranges, { [family]: { allocations: taken } });
  const result = allocator.allocate(family, request.key);
  return result.ok ? { family, value: result.address } : undefined;
}

/** One address per family the pool can give the Service (getFreeIPsFromPool). */
export function usableFromPool(
  pool: Pool,
  request: LoadBalancerRequest,
  holdings: Holdings,
): Partial<Record<Family, Address>> {
  const out: Partial<Record<Family, Address>> = {};
  for (const family of [4, 6] as const) {
    const address = lowestUsable(pool, family, request, holdings);
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
