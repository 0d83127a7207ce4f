import type { AddressAllocator } from '../../shared/ipam/allocator.js';
import { kubeOvnRangeString } from '../../shared/ipam/format.js';
import { keyOf } from '../../shared/kube/object.js';
import { IPPOOL, SUBNET } from '../../shared/kube/schemas/kubeovn.js';
import type { Family } from '../../shared/net/address.js';
import type { Effect } from '../runtime/contract.js';
import type { PlanContext } from './context.js';
import type { SubnetLedger } from './subnet-ledger.js';

/**
 * Subnet status (`v4availableIPs`, `v4availableIPrange`, `v4usingIPs`, `v4usingIPrange` and the v6
 * ones) and IPPool status (`v4AvailableIPs`, `v4AvailableIPRange`, `v4UsingIPs`, `v4UsingIPRange`, ...)
 * as kube-ovn-controller writes them, computed from the allocators each time (never counted up or
 * down: kube-ovn #5269, #6164). Counts above 2^53 are written as the nearest JSON number.
 */
type Casing = 'subnet' | 'pool';

function fields(casing: Casing, family: Family, allocator: AddressAllocator | undefined, pool?: string) {
  const counters = allocator?.counters(pool);
  const available = counters ? Number(counters.available) : 0;
  const using = counters ? Number(counters.used - counters.usedInExcluded) : 0;
  const availableRange = allocator ? kubeOvnRangeString(allocator.availableRanges(pool)) : '';
  const usingRange = allocator ? kubeOvnRangeString(allocator.usingRanges(pool)) : '';
  const v = `v${family}`;
  return casing === 'subnet'
    ? {
        [`${v}availableIPs`]: available,
        [`${v}availableIPrange`]: availableRange,
        [`${v}usingIPs`]: using,
        [`${v}usingIPrange`]: usingRange,
      }
    : {
        [`${v}AvailableIPs`]: available,
        [`${v}AvailableIPRange`]: availableRange,
        [`${v}UsingIPs`]: using,
        [`${v}UsingIPRange`]: usingRange,
      };
}

export function subnetStatus(
  ledger: SubnetLedger,
  casing: Casing = 'subnet',
  pool?: string,
): Record<string, unknown> {
  const allocator = ledger.allocator;
  return {
    ...fields(casing, 4, allocator?.family(4), pool),
    ...fields(casing, 6, allocator?.family(6), pool),
  };
}

function differs(stored: unknown, desired: Record<string, unknown>): boolean {
  const status = (stored ?? {}) as Record<string, unknown>;
  return Object.entries(desired).some(([key, value]) => status[key] !== value);
}

/** Status patches of a Subnet and of the IPPools named, where what is stored differs. */
export function statusEffects(ctx: PlanContext, subnet: string, pools: Iterable<string>): Effect[] {
  const effects: Effect[] = [];
  const stored = ctx.view.get(SUBNET, '', subnet);
  const ledger = ctx.ledger.subnet(subnet, ctx.view);
  if (stored && ledger.allocator) {
    const status = subnetStatus(ledger);
    if (differs(stored.status, status)) {
      effects.push({ op: 'patchStatus', apiVersion: stored.apiVersion, key: keyOf(stored), status });
    }
  }
  for (const name of pools) {
    const pool = name ? ctx.view.get(IPPOOL, '', name) : undefined;
    if (!pool || pool.spec?.subnet !== subnet || !ledger.allocator) continue;
    const status = subnetStatus(ledger, 'pool', name);
    if (differs(pool.status, status)) {
      effects.push({ op: 'patchStatus', apiVersion: pool.apiVersion, key: keyOf(pool), status });
    }
  }
  return effects;
}
