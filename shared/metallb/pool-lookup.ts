import { buggyAddresses, poolAddressEntries } from '../ipam/metallb-pool.js';
import type { ModelView } from '../kube/model/model-view.js';
import { IP_ADDRESS_POOL, type IPAddressPool } from '../kube/schemas/metallb.js';
import type { Address } from '../net/address.js';
import { RangeSet } from '../net/range-set.js';
import { singleAddressRange } from '../net/ranges.js';
import { POOL_ADDRESS_INDEX } from './indexes.js';

/** Where an address stands among MetalLB's pools: those whose entries hold it, and those that hand it out. */
export interface AddressPlacement {
  containing: IPAddressPool[];
  /** Of `containing`, the pools that may assign it: avoidBuggyIPs takes some addresses out. */
  offering: IPAddressPool[];
}

/** Whether a pool hands out an address its entries hold (the same rule as the allocator's). */
export function poolHandsOut(pool: IPAddressPool, address: Address): boolean {
  if (pool.spec.avoidBuggyIPs !== true) return true;
  return !RangeSet.of(buggyAddresses(poolAddressEntries(pool))).contains(address);
}

/** The pools of MetalLB's namespace whose addresses hold `address` (found by the pool range index). */
export function placeAddress(view: ModelView, namespace: string, address: Address): AddressPlacement {
  const containing = view
    .overlapping(IP_ADDRESS_POOL, POOL_ADDRESS_INDEX, singleAddressRange(address))
    .map((hit) => hit.object)
    .filter((pool) => pool.metadata.namespace === namespace);
  return { containing, offering: containing.filter((pool) => poolHandsOut(pool, address)) };
}
