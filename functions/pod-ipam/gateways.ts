import { atomically } from '../../shared/ipam/transaction.js';
import { DEFAULT_VPC } from '../../shared/kube/keys/kubeovn.js';
import { keyOf } from '../../shared/kube/object.js';
import { IP_CLAIM } from '../../shared/kube/schemas/acpnet.js';
import { SUBNET, VPC, type VpcEgressGateway } from '../../shared/kube/schemas/kubeovn.js';
import type { Address } from '../../shared/net/address.js';
import { type PlanContext, touch } from './context.js';
import { CLAIMS_BY_OWNER, DEFAULT_SUBNETS } from './indexes.js';
import { addressText, claimEffects } from './outputs.js';
import { type GatewaySide, reservationOwner } from './owners.js';
import { warningEvent } from './warnings.js';

/** How a waiting VpcEgressGateway is told from a waiting Pod in the ledger. */
export const GATEWAY_WAITING = 'VpcEgressGateway:';

/** The schema's most replicas: reservations of higher replicas never exist. */
const MAX_REPLICAS = 10;

interface Side {
  side: GatewaySide;
  field: 'internalIPs' | 'externalIPs';
  given: readonly string[];
  pool: string | undefined;
  subnet: string | undefined;
}

/** kube-ovn: the internal Subnet, else the VPC's default Subnet (the default Subnet for ovn-cluster). */
function internalSubnet(ctx: PlanContext, gateway: VpcEgressGateway): string | undefined {
  if (gateway.spec.internalSubnet) return gateway.spec.internalSubnet;
  const vpc = gateway.spec.vpc || DEFAULT_VPC;
  if (vpc !== DEFAULT_VPC) return ctx.view.get(VPC, '', vpc)?.spec?.defaultSubnet || undefined;
  return ctx.view.byIndex(SUBNET, DEFAULT_SUBNETS, '')[0]?.metadata.name;
}

function sidesOf(ctx: PlanContext, gateway: VpcEgressGateway): Side[] {
  const spec = gateway.spec;
  return [
    {
      side: 'internal',
      field: 'internalIPs',
      given: spec.internalIPs ?? [],
      pool: spec.internalIPPool,
      subnet: internalSubnet(ctx, gateway),
    },
    {
      side: 'external',
      field: 'externalIPs',
      given: spec.externalIPs ?? [],
      pool: spec.externalIPPool,
      subnet: spec.externalSubnet,
    },
  ];
}

function held(ctx: PlanContext, owner: string): Address[] {
  const subnet = ctx.ledger.subnetOf(owner);
  const allocator = subnet ? ctx.ledger.subnet(subnet, ctx.view).allocator : undefined;
  return (allocator?.allocators() ?? []).flatMap((a) => {
    const value = a.addressOf(owner);
    return value === undefined ? [] : [{ family: a.family, value }];
  });
}

function releaseReservation(ctx: PlanContext, owner: string): void {
  const subnet = ctx.ledger.subnetOf(owner);
  if (subnet) {
    for (const address of held(ctx, owner)) {
      touch(
        ctx,
        subnet,
        ctx.ledger.subnet(subnet, ctx.view).allocator?.family(address.family)?.poolAt(address.value),
      );
    }
    ctx.freed.add(subnet);
  }
  ctx.ledger.release(owner);
  for (const claim of ctx.view.byIndex(IP_CLAIM, CLAIMS_BY_OWNER, owner)) {
    const uid = claim.metadata.uid;
    ctx.effects.push({
      op: 'delete',
      apiVersion: claim.apiVersion,
      key: keyOf(claim),
      ...(uid ? { preconditions: { uid } } : {}),
    });
  }
}

/**
 * One side's addresses: when the spec leaves them empty (and names no IPPool), one per replica
 * from the side's Subnet, by the Pods' rules (lowest free first, delayed reuse), held by reservations
 * `VpcEgressGateway/<ns>/<name>/<side>/<i>`; addresses the spec gives that are not these are the
 * user's, and reservations give way to them. Returns the addresses to write back, if they change.
 */
function planSide(ctx: PlanContext, gateway: VpcEgressGateway, side: Side): string[] | undefined {
  const namespace = gateway.metadata.namespace ?? '';
  const name = gateway.metadata.name ?? '';
  const replicas = gateway.spec.replicas ?? 1;
  const owners = Array.from({ length: MAX_REPLICAS }, (_, i) =>
    reservationOwner(namespace, name, side.side, i),
  );
  const ours = owners.map((owner) => addressText(held(ctx, owner))).filter(Boolean);
  const theirs = side.given.length > 0 && side.given.join(';') !== ours.join(';');
  if (side.pool || theirs || !side.subnet) {
    for (const owner of owners) releaseReservation(ctx, owner);
    return undefined;
  }
  for (const owner of owners.slice(replicas)) releaseReservation(ctx, owner);
  const ledger = ctx.ledger.subnet(side.subnet, ctx.view);
  const allocator = ledger.allocator;
  if (!allocator) {
    ctx.effects.push(
      warningEvent(
        ctx,
        gateway,
        'SubnetNotFound',
        `Subnet ${side.subnet} does not exist (yet) or has no usable cidrBlock`,
      ),
    );
    return undefined;
  }
  const wanted = owners.slice(0, replicas);
  const result = atomically([allocator], () => {
    for (const owner of wanted) {
      const allocation = allocator.allocate(owner);
      if (!allocation.ok) return allocation;
    }
    return { ok: true as const };
  });
  if (!result.ok) {
    ctx.effects.push(
      warningEvent(
        ctx,
        gateway,
        'NoAvailableAddress',
        `no address is free in Subnet ${side.subnet} for ${replicas} ${side.side} addresses`,
      ),
    );
    ctx.ledger.wait(side.subnet, `${GATEWAY_WAITING}${namespace}/${name}`);
    return undefined;
  }
  const texts: string[] = [];
  for (const owner of wanted) {
    ctx.ledger.noteOwner(owner, side.subnet);
    const addresses = held(ctx, owner);
    for (const address of addresses)
      touch(ctx, side.subnet, allocator.family(address.family)?.poolAt(address.value));
    ctx.effects.push(...claimEffects(ctx.view, side.subnet, addresses, owner));
    texts.push(addressText(addresses));
  }
  return texts.join(';') === side.given.join(';') ? undefined : texts;
}

/** A VpcEgressGateway's addresses, reserved and written back to the spec fields it left empty. */
export function planGateway(ctx: PlanContext, gateway: VpcEgressGateway): void {
  const spec: Record<string, string[]> = {};
  for (const side of sidesOf(ctx, gateway)) {
    const written = planSide(ctx, gateway, side);
    if (written) spec[side.field] = written;
  }
  if (Object.keys(spec).length === 0) return;
  ctx.effects.push({
    op: 'apply',
    object: {
      apiVersion: gateway.apiVersion,
      kind: gateway.kind,
      metadata: {
        name: gateway.metadata.name,
        namespace: gateway.metadata.namespace,
        ...(gateway.metadata.uid ? { uid: gateway.metadata.uid } : {}),
      },
      spec,
    },
  });
}

/** A deleted VpcEgressGateway gives its reserved addresses back. */
export function planGatewayGone(ctx: PlanContext, namespace: string, name: string): void {
  for (const side of ['internal', 'external'] as const) {
    for (let i = 0; i < MAX_REPLICAS; i++)
      releaseReservation(ctx, reservationOwner(namespace, name, side, i));
  }
}
