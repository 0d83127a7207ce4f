import { atomically } from '../../shared/ipam/transaction.js';
import { nicAnnotation } from '../../shared/kube/keys/kubeovn.js';
import { keyOf } from '../../shared/kube/object.js';
import { IP_CLAIM } from '../../shared/kube/schemas/acpnet.js';
import { IP, SUBNET } from '../../shared/kube/schemas/kubeovn.js';
import { POD, type Pod } from '../../shared/kube/schemas/workloads.js';
import { type Address, tryParseAddress } from '../../shared/net/address.js';
import type { Effect } from '../runtime/contract.js';
import { type PlanContext, touch } from './context.js';
import { CLAIMS_BY_OWNER } from './indexes.js';
import { allocateNic, describeHolder, type NicOutcome } from './nic-allocation.js';
import { type Nic, podNics } from './nics.js';
import {
  addressText,
  claimEffects,
  ipObject,
  keptAnnotations,
  type NicAddresses,
  nicAnnotations,
  podAnnotationsEffect,
} from './outputs.js';
import { isReservation } from './owners.js';
import { isAllocated, storedVersion } from './pod-state.js';
import { nicRequest } from './requests.js';
import { warningEvent } from './warnings.js';

function annotatedAddresses(pod: Pod, provider: string): Address[] {
  const text = pod.metadata.annotations?.[nicAnnotation(provider, 'ip_address')] ?? '';
  const out = new Map<number, Address>();
  for (const part of text.split(',')) {
    const address = tryParseAddress(part.trim());
    if (address && !out.has(address.family)) out.set(address.family, address);
  }
  return [...out.values()].sort((a, b) => a.family - b.family);
}

/**
 * A NIC the Pod's annotations say is allocated (by this function or by kube-ovn-controller): the
 * ledger is made to agree (the owner takes the address over), unless another owner holds it, which
 * is an AddressConflict Warning and no claim.
 */
function keepNic(ctx: PlanContext, pod: Pod, nic: Nic): NicAddresses | undefined {
  const annotations = pod.metadata.annotations ?? {};
  const subnet = annotations[nicAnnotation(nic.provider, 'logical_switch')] || nic.subnets[0]?.metadata.name;
  const addresses = annotatedAddresses(pod, nic.provider);
  if (!subnet || addresses.length === 0) return undefined;
  const ledger = ctx.ledger.subnet(subnet, ctx.view);
  let reserved = false;
  for (const address of addresses) {
    const claimant = ctx.ledger.claimOwner(subnet, address.family, address.value);
    if (claimant !== undefined && claimant !== nic.owner && isReservation(claimant)) {
      ledger.delegated.set(`${address.family}|${address.value}`, nic.owner);
      reserved = true;
      continue;
    }
    const holder = ctx.ledger.takeOver(ledger, address.family, address.value, nic.owner);
    if (holder !== undefined) {
      const message = `${addressText([address])} of ${nic.owner} is also held by ${describeHolder(ctx, holder)}`;
      ctx.effects.push(warningEvent(ctx, pod, 'AddressConflict', message));
      return undefined;
    }
  }
  const mac = annotations[nicAnnotation(nic.provider, 'mac_address')] || undefined;
  if (mac) ledger.setMac(nic.owner, mac);
  ctx.ledger.noteOwner(nic.owner, subnet);
  return { nic, subnet, addresses, mac, reserved };
}

/**
 * Claims, the Pod's annotations, IP objects; then deletes of the claims the NICs no longer hold,
 * only once the annotations are written (a guarded write that fails leaves them all in place).
 */
function emitAllocated(
  ctx: PlanContext,
  pod: Pod,
  results: readonly NicAddresses[],
  annotations: Record<string, string>,
  guard?: string,
): void {
  for (const result of results) {
    if (!result.reserved)
      ctx.effects.push(...claimEffects(ctx.view, result.subnet, result.addresses, result.nic.owner));
  }
  const current = pod.metadata.annotations ?? {};
  const unchanged = Object.entries(annotations).every(([key, value]) => current[key] === value);
  if (results.length > 0 && !unchanged) ctx.effects.push(podAnnotationsEffect(pod, annotations, guard));
  for (const result of results) {
    const object = ipObject(pod, result);
    // A create costs the API server a good deal less than a server-side apply, and most IP objects
    // are new; one the view holds (this Pod's, or a predecessor's of its name) is applied over.
    const held = ctx.view.get(IP, '', object.metadata.name ?? '') !== undefined;
    ctx.effects.push({ op: held ? 'apply' : 'createIfAbsent', object, concurrent: true });
  }
  for (const result of results) ctx.effects.push(...givenUpClaims(ctx, result));
}

/** Deletes of the NIC's claims of addresses it no longer holds (the ledger frees them on the delete). */
function givenUpClaims(ctx: PlanContext, result: NicAddresses): Effect[] {
  const kept = new Set(result.reserved ? [] : result.addresses.map((a) => addressText([a])));
  const effects: Effect[] = [];
  for (const claim of ctx.view.byIndex(IP_CLAIM, CLAIMS_BY_OWNER, result.nic.owner)) {
    if (claim.spec.scope === `Subnet/${result.subnet}` && kept.has(claim.spec.address)) continue;
    const uid = claim.metadata.uid;
    effects.push({
      op: 'delete',
      apiVersion: claim.apiVersion,
      key: keyOf(claim),
      ...(uid ? { preconditions: { uid } } : {}),
    });
  }
  return effects;
}

/**
 * Every NIC of a live Pod gets its addresses, all or nothing (kube-ovn PR #6738, #7187): NICs already
 * allocated keep theirs; the others are allocated in one transaction over their Subnets, and a
 * failure in one keeps nothing of the others and leaves a Warning Event.
 */
export function planAllocation(ctx: PlanContext, pod: Pod): void {
  const podKey = `${pod.metadata.namespace}/${pod.metadata.name}`;
  ctx.planned.add(podKey);
  const nics = podNics(pod, ctx.view);
  const results: NicAddresses[] = [];
  const annotations: Record<string, string> = {};
  const pending: Nic[] = [];
  for (const nic of nics) {
    if (!isAllocated(pod, nic.provider)) {
      pending.push(nic);
      continue;
    }
    const kept = keepNic(ctx, pod, nic);
    if (!kept) continue;
    results.push(kept);
    Object.assign(annotations, keptAnnotations(pod, nic.provider));
  }
  if (pending.length === 0 || pod.metadata.deletionTimestamp) {
    emitAllocated(ctx, pod, results, annotations);
    return;
  }
  const participants = [
    ...new Set(
      pending.flatMap((nic) =>
        nic.subnets.flatMap((s) => ctx.ledger.subnet(s.metadata.name ?? '', ctx.view).allocator ?? []),
      ),
    ),
  ];
  const outcomes: Extract<NicOutcome, { ok: true }>[] = [];
  const outcome = atomically(participants, (): NicOutcome | { ok: true } => {
    for (const nic of pending) {
      const result = allocateNic(ctx, pod, nic, nicRequest(pod, nic, ctx.view));
      if (!result.ok) return result;
      outcomes.push(result);
    }
    return { ok: true };
  });
  if (!outcome.ok) {
    const failure = outcome as Extract<NicOutcome, { ok: false }>;
    ctx.effects.push(warningEvent(ctx, pod, failure.reason, failure.message));
    if (failure.exhausted) ctx.ledger.wait(failure.exhausted, podKey);
    emitAllocated(ctx, pod, results, annotations);
    return;
  }
  ctx.ledger.stopWaiting(podKey);
  for (const { result, pools } of outcomes) {
    const ledger = ctx.ledger.subnet(result.subnet, ctx.view);
    ctx.ledger.noteOwner(result.nic.owner, result.subnet);
    if (result.mac) ledger.setMac(result.nic.owner, result.mac);
    for (const address of result.addresses) {
      if (result.reserved) ledger.delegated.set(`${address.family}|${address.value}`, result.nic.owner);
    }
    for (const pool of pools) touch(ctx, result.subnet, pool);
    results.push(result);
    const subnet = ctx.view.get(SUBNET, '', result.subnet);
    if (subnet) Object.assign(annotations, nicAnnotations(pod, result, subnet, ctx.view));
  }
  // Addresses handed out here are written only onto the Pod as it was read: when another replica
  // annotated it first (a broker delivering twice), the write fails and the plan made again keeps
  // that replica's addresses and gives up these claims. So a Pod's annotations, once written, never
  // change, and no event can show addresses other than the last (whose claims it would delete).
  const stored = ctx.view.get(POD, pod.metadata.namespace ?? '', pod.metadata.name ?? '');
  emitAllocated(ctx, pod, results, annotations, storedVersion(pod, stored));
}
