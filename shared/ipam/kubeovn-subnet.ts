import type { IPPool, Subnet } from '../kube/schemas/kubeovn.js';
import { ipPoolRanges } from '../kubeovn/ippool.js';
import { subnetCidrs, subnetExcludedRanges } from '../kubeovn/subnet.js';
import { type Address, type Family, tryParseAddress } from '../net/address.js';
import {
  type AddressAllocator,
  type AllocatorConfig,
  type AllocatorSnapshot,
  createAllocator,
  DEFAULT_POOL,
  type PoolConflict,
  type RestoreReport,
} from './allocator.js';
import type { Allocated, AllocationFailure, ReleaseResult } from './results.js';
import { atomically } from './transaction.js';
import { defaultGateway, usableRange } from './usable.js';

/**
 * What kube-ovn-controller allocates from, per family of a Subnet's cidrBlock: the usable range
 * (usableRange), `excludeIps` clipped to it (util.ExpandExcludeIPs), the gateway (`spec.gateway`, else
 * the first usable address) reserved, and the IPPools naming the Subnet as sub-ranges, by name.
 */
export function kubeOvnSubnetLayout(subnet: Subnet, ippools: readonly IPPool[]): AllocatorConfig[] {
  const gateways = (subnet.spec?.gateway ?? '')
    .split(',')
    .map((text) => tryParseAddress(text.trim()))
    .filter((address): address is Address => address !== undefined);
  const excluded = subnetExcludedRanges(subnet);
  const pools = ippools
    .filter((pool) => pool.spec?.subnet === subnet.metadata.name)
    .map((pool) => ({ name: pool.metadata.name ?? '', ranges: ipPoolRanges(pool) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return subnetCidrs(subnet).map((cidr) => {
    const family = cidr.family;
    const gateway = gateways.find((g) => g.family === family)?.value ?? defaultGateway(cidr);
    return {
      family,
      ranges: [usableRange(cidr)],
      excluded: excluded.filter((r) => r.family === family),
      reserved: [{ family, first: gateway, last: gateway }],
      reuse: 'delayed',
      pools: pools.map((p) => ({ name: p.name, ranges: p.ranges.filter((r) => r.family === family) })),
    };
  });
}

export type SubnetAllocation =
  | { ok: true; allocations: Allocated[] }
  | { ok: false; family: Family; failure: AllocationFailure };

/**
 * A Subnet's allocators, one allocator per family of its cidrBlock. Allocating gives one address per
 * family, all or nothing.
 */
export class SubnetAllocator {
  private constructor(
    readonly name: string,
    private readonly allocatorsByFamily: readonly AddressAllocator[],
    readonly conflicts: readonly PoolConflict[],
  ) {}

  static create(
    name: string,
    layout: readonly AllocatorConfig[],
    snapshots: Partial<Record<Family, Partial<AllocatorSnapshot>>> = {},
  ): { subnet: SubnetAllocator; report: RestoreReport } {
    const report: RestoreReport = { loaded: 0, rejected: [] };
    const allocatorsByFamily = layout.map((config) => {
      const created = createAllocator(config, snapshots[config.family]);
      report.loaded += created.report.loaded;
      report.rejected.push(...created.report.rejected);
      return created.allocator;
    });
    const conflicts = allocatorsByFamily.flatMap((p) => p.conflicts);
    return { subnet: new SubnetAllocator(name, allocatorsByFamily, conflicts), report };
  }

  static fromSubnet(
    subnet: Subnet,
    ippools: readonly IPPool[],
    snapshots?: Partial<Record<Family, Partial<AllocatorSnapshot>>>,
  ): { subnet: SubnetAllocator; report: RestoreReport } {
    return SubnetAllocator.create(
      subnet.metadata.name ?? '',
      kubeOvnSubnetLayout(subnet, ippools),
      snapshots,
    );
  }

  get families(): Family[] {
    return this.allocatorsByFamily.map((p) => p.family);
  }

  family(family: Family): AddressAllocator | undefined {
    return this.allocatorsByFamily.find((p) => p.family === family);
  }

  allocators(): readonly AddressAllocator[] {
    return this.allocatorsByFamily;
  }

  /** One address per family (the owner's own when it holds one), from `pool`; all or nothing. */
  allocate(owner: string, pool: string = DEFAULT_POOL): SubnetAllocation {
    return atomically([this], () => {
      const allocations: Allocated[] = [];
      for (const allocator of this.allocatorsByFamily) {
        const result = allocator.allocate(owner, pool);
        if (!result.ok) return { ok: false, family: allocator.family, failure: result };
        allocations.push(result);
      }
      return { ok: true, allocations };
    });
  }

  /** Fixed addresses (one per family at most, as `ovn.kubernetes.io/ip_address`); all or nothing. */
  allocateSpecific(addresses: readonly Address[], owner: string): SubnetAllocation {
    return atomically([this], () => {
      const allocations: Allocated[] = [];
      for (const address of addresses) {
        const allocator = this.family(address.family);
        const result: Allocated | AllocationFailure = allocator
          ? allocator.allocateSpecific(address.value, owner)
          : { ok: false, reason: 'outOfRange', address: address.value };
        if (!result.ok) return { ok: false, family: address.family, failure: result };
        allocations.push(result);
      }
      return { ok: true, allocations };
    });
  }

  /** Releases the owner's address in every family. */
  releaseOwner(owner: string): ReleaseResult[] {
    return this.allocatorsByFamily.map((p) => p.releaseOwner(owner)).filter((r) => r.released);
  }
}
