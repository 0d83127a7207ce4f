import type { ModelView } from '../../shared/kube/model/model-view.js';
import { groupKindOf } from '../../shared/kube/object.js';
import { NAMESPACE, SERVICE, type Service } from '../../shared/kube/schemas/core.js';
import { IP_ADDRESS } from '../../shared/kube/schemas/ip-address.js';
import { IP, SUBNET } from '../../shared/kube/schemas/kubeovn.js';
import { IP_ADDRESS_POOL } from '../../shared/kube/schemas/metallb.js';
import { allocatedPool } from '../../shared/metallb/service-addresses.js';
import type { Effect, EventFunction, ResolvedEvent } from '../runtime/contract.js';
import { planClaimChange } from './claim-events.js';
import { planNamespace, planServed, planWaiting } from './dependents.js';
import {
  CLAIMS_BY_HOLDER,
  claimed,
  claimsByHolder,
  heldByKubeOvn,
  heldByService,
  servicesBySharing,
  servicesByState,
  subnetsByCidr,
} from './indexes.js';
import { DEFAULT_METALLB_NAMESPACE, FUNCTION_NAME } from './keys.js';
import { attachLedger } from './ledger.js';
import { Batch } from './plan.js';
import { readRequest } from './request.js';

export interface LoadBalancerIpamOptions {
  /** Where MetalLB's IPAddressPools live (default metallb-system). */
  metallbNamespace?: string;
}

/**
 * The Service an event is about, as the store holds it (a status patch's precondition is the stored
 * resourceVersion); the event's own object while the store has not caught up with it.
 */
function currentService(event: ResolvedEvent, view: ModelView): Service | undefined {
  const { namespace = '', name = '', uid } = event.object.metadata;
  const stored = view.get(SERVICE, namespace, name);
  if (stored && (!uid || !stored.metadata.uid || stored.metadata.uid === uid)) return stored;
  return view.read(SERVICE, event.object);
}

/** Nothing to decide for a Service that is not MetalLB's and holds, claims and records nothing. */
function untouched(service: Service, view: ModelView): boolean {
  const request = readRequest(service);
  return (
    !request.served &&
    request.held.length === 0 &&
    view.byIndex(IP_ADDRESS, CLAIMS_BY_HOLDER, request.key).length === 0 &&
    allocatedPool(service) === undefined
  );
}

/**
 * A Service's own event: decided as stored; when deleted (and not succeeded by a new one of its
 * name), whatever it held is given up. Either way, Services waiting for an address may now get one.
 */
function planService(event: ResolvedEvent, view: ModelView, batch: Batch): void {
  const { namespace = '', name = '', uid } = event.object.metadata;
  const stored = view.get(SERVICE, namespace, name);
  const successor = stored && uid && stored.metadata.uid !== uid ? stored : undefined;
  let freed = false;
  if (event.type === 'delete' && !successor) {
    const last = view.read(SERVICE, event.object);
    freed = batch.release(namespace, name, last ? readRequest(last).held : []);
  } else {
    const service = successor ?? currentService(event, view);
    if (service && !untouched(service, view)) freed = batch.plan(service);
  }
  if (freed) planWaiting(batch, view);
}

/**
 * LoadBalancer addresses with MetalLB's semantics (docs/design.md, "loadbalancer-ipam"). Consumes
 * Services, IPAddressPools, Namespaces (namespaceSelectors) and IPAddresses (its claims); reads
 * Kube-OVN Subnets and IPs, whose gateways and pod addresses are never handed out.
 */
export function createLoadBalancerIpam(options: LoadBalancerIpamOptions = {}): EventFunction {
  const metallbNamespace = options.metallbNamespace ?? DEFAULT_METALLB_NAMESPACE;
  return {
    name: FUNCTION_NAME,
    consumes: [SERVICE, IP_ADDRESS_POOL, NAMESPACE, IP_ADDRESS],
    reads: [SUBNET, IP],
    indexes: [servicesByState, servicesBySharing, claimsByHolder],
    rangeIndexes: [heldByService, claimed, heldByKubeOvn, subnetsByCidr],
    serial: true,
    attach: attachLedger,
    plan(event, view): Effect[] {
      const batch = new Batch(view, metallbNamespace, event.time);
      switch (groupKindOf(event.object)) {
        case SERVICE.groupKind:
          planService(event, view, batch);
          break;
        case IP_ADDRESS_POOL.groupKind:
          if (event.object.metadata.namespace === metallbNamespace) planServed(batch, view);
          break;
        case NAMESPACE.groupKind:
          if (batch.pools.some((pool) => pool.spec.serviceAllocation?.namespaceSelectors?.length)) {
            planNamespace(batch, view, event.object.metadata.name ?? '');
          }
          break;
        default:
          planClaimChange(event, view, batch);
      }
      return batch.effects();
    },
  };
}

export const loadBalancerIpam = createLoadBalancerIpam();
