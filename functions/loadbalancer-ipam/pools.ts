import { poolAddressEntries, poolAllocatableRanges } from '../../shared/ipam/metallb-pool.js';
import { defaultGateway } from '../../shared/ipam/usable.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import { labelsOfNamespace } from '../../shared/kube/namespace-labels.js';
import { SUBNET } from '../../shared/kube/schemas/kubeovn.js';
import { IP_ADDRESS_POOL, type IPAddressPool } from '../../shared/kube/schemas/metallb.js';
import { subnetCidrs } from '../../shared/kubeovn/subnet.js';
import { poolServes } from '../../shared/metallb/service-allocation.js';
import { type Address, tryParseAddress } from '../../shared/net/address.js';
import type { IPRange } from '../../shared/net/range.js';
import { RangeSet } from '../../shared/net/range-set.js';
import { rangeContainsAddress } from '../../shared/net/ranges.js';
import { SUBNETS_BY_CIDR } from './indexes.js';
import type { LoadBalancerRequest } from './request.js';

/** One IPAddressPool as the allocator uses it. */
export interface Pool {
  name: string;
  autoAssign: boolean;
  /** serviceAllocation.priority; 0 when unset (MetalLB: the lowest priority). */
  priority: number;
  /** The pool has a serviceAllocation, so it serves only the Services it selects. */
  allocates: boolean;
  /** The addresses it hands out: its entries, without the buggy ones and Subnet gateways. */
  ranges: readonly IPRange[];
  /** Its entries merged: few ranges to ask the indexes about, whatever avoidBuggyIPs cut out. */
  extent: readonly IPRange[];
  spec: IPAddressPool['spec'];
}

/**
 * Gateways of the Kube-OVN Subnets overlapping the pool (the guide's pools lie in an underlay
 * Subnet): never a LoadBalancer address.
 */
function subnetGateways(view: ModelView, ranges: readonly IPRange[]): IPRange[] {
  const out: IPRange[] = [];
  for (const range of ranges) {
    for (const { object: subnet } of view.overlapping(SUBNET, SUBNETS_BY_CIDR, range)) {
      const written = (subnet.spec?.gateway ?? '').split(',').map((t) => tryParseAddress(t.trim()));
      for (const cidr of subnetCidrs(subnet)) {
        const gateway = written.find((a) => a?.family === cidr.family)?.value ?? defaultGateway(cidr);
        out.push({ family: cidr.family, first: gateway, last: gateway });
      }
    }
  }
  return out;
}

interface Layout {
  allocatable: readonly IPRange[];
  extent: readonly IPRange[];
}

const layouts = new WeakMap<IPAddressPool, Layout>();

/** A pool's entries and allocatable ranges: read once per stored (frozen) object, as every plan reads them. */
function layoutOf(pool: IPAddressPool): Layout {
  const known = layouts.get(pool);
  if (known) return known;
  const entries = poolAddressEntries(pool);
  const layout = Object.freeze({
    allocatable: Object.freeze(poolAllocatableRanges(entries, pool.spec.avoidBuggyIPs === true)),
    extent: Object.freeze(RangeSet.of(entries.map((entry) => entry.range)).toArray()),
  });
  if (Object.isFrozen(pool)) layouts.set(pool, layout);
  return layout;
}

function readPool(view: ModelView, pool: IPAddressPool): Pool {
  const { allocatable, extent } = layoutOf(pool);
  const gateways = subnetGateways(view, allocatable);
  const allocation = pool.spec.serviceAllocation;
  return {
    name: pool.metadata.name ?? '',
    autoAssign: pool.spec.autoAssign !== false,
    priority: allocation?.priority ?? 0,
    allocates: allocation !== undefined,
    // The same array while no gateway cuts it: the pool's allocators are then known to be current.
    ranges:
      gateways.length === 0
        ? allocatable
        : RangeSet.of(allocatable).subtract(RangeSet.of(gateways)).toArray(),
    extent,
    spec: pool.spec,
  };
}

/** The IPAddressPools of MetalLB's namespace, by name. */
export function readPools(view: ModelView, namespace: string): Pool[] {
  return view
    .list(IP_ADDRESS_POOL, namespace)
    .map((pool) => readPool(view, pool))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * MetalLB's isPoolCompatibleWithService: the Service's namespace among `namespaces` and those
 * `namespaceSelectors` select (when either is set), and its labels matched by a `serviceSelector`
 * (when any is set).
 */
export function admits(pool: Pool, request: LoadBalancerRequest, view: ModelView): boolean {
  return poolServes(pool, request.namespace, labelsOfNamespace(view, request.namespace), request.labels);
}

function byPriorityThenName(a: Pool, b: Pool): number {
  if (a.priority !== b.priority) {
    if (a.priority === 0) return 1;
    if (b.priority === 0) return -1;
    return a.priority - b.priority;
  }
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The pools an automatic allocation tries, in MetalLB's order: first the auto-assigning pools whose
 * serviceAllocation selects the Service, by priority (1 first, unset last), then by name; when none
 * of them has an address, the auto-assigning pools without a serviceAllocation, by name.
 */
export function automaticPools(
  pools: readonly Pool[],
  request: LoadBalancerRequest,
  view: ModelView,
): Pool[][] {
  const pinned = pools
    .filter((pool) => pool.autoAssign && pool.allocates && admits(pool, request, view))
    .sort(byPriorityThenName);
  const open = pools.filter((pool) => pool.autoAssign && !pool.allocates);
  return [pinned, open];
}

/**
 * MetalLB's poolFor: the pool that hands out every one of the addresses. Pools should not overlap
 * (admission refuses it); where they do, the preferred pool (the one asked for, else the one
 * recorded) keeps the addresses, so a Service does not flip between them.
 */
export function poolOf(
  pools: readonly Pool[],
  addresses: readonly Address[],
  preferred?: string,
): Pool | undefined {
  const handsOut = (pool: Pool) =>
    addresses.every((address) => pool.ranges.some((range) => rangeContainsAddress(range, address)));
  const first = pools.find((pool) => pool.name === preferred);
  return first && handsOut(first) ? first : pools.find(handsOut);
}
