import type { SubnetAllocation, SubnetAllocator } from '../../shared/ipam/kubeovn-subnet.js';
import type { AllocationFailure } from '../../shared/ipam/results.js';
import { atomically } from '../../shared/ipam/transaction.js';
import { VPC_EGRESS_GATEWAY_LABEL } from '../../shared/kube/keys/kubeovn.js';
import { IP } from '../../shared/kube/schemas/kubeovn.js';
import type { Pod } from '../../shared/kube/schemas/workloads.js';
import { podOrdinal, statefulSetOwner } from '../../shared/kubeovn/statefulset.js';
import { type Address, type Family, familyName, formatAddress } from '../../shared/net/address.js';
import type { PlanContext } from './context.js';
import { uniqueMac } from './mac.js';
import type { Nic } from './nics.js';
import { isOvnSubnet, type NicAddresses } from './outputs.js';
import { describeOwner, isReservation } from './owners.js';
import type { NicRequest } from './requests.js';
import type { SubnetLedger } from './subnet-ledger.js';
import type { WarningReason } from './warnings.js';

export type NicOutcome =
  | { ok: true; result: NicAddresses; pools: string[] }
  | { ok: false; reason: WarningReason; message: string; exhausted?: string };

type Attempt = { ok: true; addresses: Address[]; reserved: boolean } | Extract<NicOutcome, { ok: false }>;

/** Who holds an address, in words: the Pod of a NIC, or the reservation. */
export function describeHolder(ctx: PlanContext, owner: string): string {
  if (isReservation(owner)) return describeOwner(owner);
  const nic = owner.split('#')[0] ?? owner;
  const ip = ctx.view.get(IP, '', nic);
  return ip?.spec?.podName ? `Pod ${ip.spec.namespace}/${ip.spec.podName}` : describeOwner(owner);
}

function failed(
  ctx: PlanContext,
  subnet: string,
  pool: string | undefined,
  failure: AllocationFailure,
  family: Family,
): Attempt {
  const text = (address: bigint) => formatAddress(family, address);
  const where = `${pool ? `IPPool ${pool} of Subnet ${subnet}` : `Subnet ${subnet}`} (${familyName(family)})`;
  switch (failure.reason) {
    case 'exhausted':
      return {
        ok: false,
        reason: 'NoAvailableAddress',
        message: `no address is free in ${where}`,
        exhausted: subnet,
      };
    case 'noSuchPool':
      return {
        ok: false,
        reason: 'InvalidAddressRequest',
        message: `IPPool ${failure.pool} has no addresses in Subnet ${subnet} (missing, or overlapping another IPPool)`,
      };
    case 'held':
      return {
        ok: false,
        reason: 'AddressConflict',
        message: `${text(failure.address)} is held by ${describeHolder(ctx, failure.holder)}`,
      };
    case 'outOfRange':
      return {
        ok: false,
        reason: 'InvalidAddressRequest',
        message: `${text(failure.address)} is not a usable address of Subnet ${subnet}`,
      };
    case 'reserved':
      return {
        ok: false,
        reason: 'InvalidAddressRequest',
        message: `${text(failure.address)} is the gateway of Subnet ${subnet}`,
      };
  }
}

function fromSubnetAllocation(
  ctx: PlanContext,
  subnet: string,
  pool: string | undefined,
  r: SubnetAllocation,
): Attempt {
  if (!r.ok) return failed(ctx, subnet, pool, r.failure, r.family);
  return {
    ok: true,
    addresses: r.allocations.map((a) => ({ family: a.family, value: a.address })),
    reserved: false,
  };
}

/** Fixed addresses, and for a family the request leaves out, the lowest free one: all or nothing. */
function fill(allocator: SubnetAllocator, addresses: readonly Address[], owner: string): SubnetAllocation {
  return atomically([allocator], () => {
    const fixed = allocator.allocateSpecific(addresses, owner);
    if (!fixed.ok) return fixed;
    const allocations = [...fixed.allocations];
    for (const family of allocator.families) {
      if (addresses.some((a) => a.family === family)) continue;
      const result = allocator.family(family)!.allocate(owner);
      if (!result.ok) return { ok: false, family, failure: result };
      allocations.push(result);
    }
    return { ok: true, allocations };
  });
}

/** An ip_pool entry every address of which a reservation of the Pod's own VpcEgressGateway holds. */
function reservedFor(pod: Pod, owner: string, ledger: SubnetLedger, entry: readonly Address[]): boolean {
  const gateway = pod.metadata.labels?.[VPC_EGRESS_GATEWAY_LABEL];
  if (!gateway || !ledger.allocator) return false;
  const prefix = `VpcEgressGateway/${pod.metadata.namespace}/${gateway}/`;
  return entry.every((a) => {
    const holder = ledger.allocator?.family(a.family)?.holderOf(a.value);
    const user = ledger.delegated.get(`${a.family}|${a.value}`);
    return holder?.startsWith(prefix) === true && (user === undefined || user === owner);
  });
}

function fromEntries(
  ctx: PlanContext,
  pod: Pod,
  nic: Nic,
  ledger: SubnetLedger,
  entries: Address[][],
): Attempt {
  const allocator = ledger.allocator!;
  let pick = entries;
  if (statefulSetOwner(pod)) {
    const ordinal = podOrdinal(pod.metadata.name ?? '') ?? -1;
    const entry = entries[ordinal];
    if (!entry)
      return {
        ok: false,
        reason: 'NoAvailableAddress',
        message: `ip_pool has no entry for ordinal ${ordinal}`,
      };
    pick = [entry];
  }
  let first: Attempt | undefined;
  for (const entry of pick) {
    if (reservedFor(pod, nic.owner, ledger, entry)) return { ok: true, addresses: entry, reserved: true };
    const attempt = fromSubnetAllocation(ctx, ledger.name, undefined, fill(allocator, entry, nic.owner));
    if (attempt.ok) return attempt;
    first ??= attempt;
  }
  return first ?? { ok: false, reason: 'NoAvailableAddress', message: 'ip_pool lists no address' };
}

function attempt(ctx: PlanContext, pod: Pod, nic: Nic, request: NicRequest, ledger: SubnetLedger): Attempt {
  const name = ledger.name;
  const allocator = ledger.allocator;
  if (!allocator)
    return { ok: false, reason: 'SubnetNotFound', message: `Subnet ${name} has no usable cidrBlock` };
  const owner = nic.owner;
  const req = request.address;
  switch (req.kind) {
    case 'fixed':
      return fromSubnetAllocation(ctx, name, undefined, fill(allocator, req.addresses, owner));
    case 'pool':
      return fromSubnetAllocation(ctx, name, req.name, allocator.allocate(owner, req.name));
    case 'static':
      return fromEntries(ctx, pod, nic, ledger, req.entries);
    case 'namespacePools': {
      const pools = req.pools.filter((pool) => pool.spec?.subnet === name);
      if (pools.length === 0) {
        return {
          ok: false,
          reason: 'NoAvailableAddress',
          message: `no IPPool of namespace ${pod.metadata.namespace} is in Subnet ${name}`,
          exhausted: name,
        };
      }
      let last: Attempt | undefined;
      for (const pool of pools) {
        last = fromSubnetAllocation(
          ctx,
          name,
          pool.metadata.name,
          allocator.allocate(owner, pool.metadata.name),
        );
        if (last.ok) return last;
      }
      return last!;
    }
    case 'any':
      return fromSubnetAllocation(ctx, name, undefined, allocator.allocate(owner));
  }
}

const severity: Record<WarningReason, number> = {
  AddressConflict: 0,
  NoAvailableAddress: 1,
  InvalidAddressRequest: 2,
  SubnetNotFound: 3,
};

/**
 * One NIC's addresses from the first of its Subnets that can give them (the one it already holds
 * addresses of first), and its MAC; inside the Pod's transaction, so a failure leaves nothing held.
 */
export function allocateNic(ctx: PlanContext, pod: Pod, nic: Nic, request: NicRequest): NicOutcome {
  if (nic.problem) return { ok: false, reason: 'SubnetNotFound', message: nic.problem };
  if (request.problem) return { ok: false, reason: 'InvalidAddressRequest', message: request.problem };
  const held = ctx.ledger.subnetOf(nic.owner);
  const subnets = [...nic.subnets].sort(
    (a, b) => Number(b.metadata.name === held) - Number(a.metadata.name === held),
  );
  let best: Extract<NicOutcome, { ok: false }> | undefined;
  for (const subnet of subnets) {
    const ledger = ctx.ledger.subnet(subnet.metadata.name ?? '', ctx.view);
    const result = attempt(ctx, pod, nic, request, ledger);
    if (!result.ok) {
      if (!best || severity[result.reason] < severity[best.reason]) best = result;
      continue;
    }
    let mac: string | undefined;
    if (isOvnSubnet(subnet)) {
      const macHolder = request.mac ? ledger.macOwner(request.mac) : undefined;
      if (request.mac && macHolder !== undefined && macHolder !== nic.owner) {
        return {
          ok: false,
          reason: 'AddressConflict',
          message: `MAC ${request.mac} is held by ${describeHolder(ctx, macHolder)}`,
        };
      }
      mac =
        request.mac ??
        uniqueMac(
          pod.metadata.uid ?? pod.metadata.name ?? '',
          nic.provider,
          (m) => ledger.macOwner(m),
          nic.owner,
        );
    }
    const pools = result.addresses.map((a) => ledger.allocator?.family(a.family)?.poolAt(a.value) ?? '');
    const addresses = [...result.addresses].sort((a, b) => a.family - b.family);
    return {
      ok: true,
      pools,
      result: { nic, subnet: ledger.name, addresses, mac, reserved: result.reserved },
    };
  }
  return (
    best ?? {
      ok: false,
      reason: 'SubnetNotFound',
      message: `no Subnet for ${nic.provider === 'ovn' ? 'the primary NIC' : `provider ${nic.provider}`}`,
    }
  );
}
