import type { ModelView } from '../../shared/kube/model/model-view.js';
import { groupKindOf } from '../../shared/kube/object.js';
import { IP_CLAIM } from '../../shared/kube/schemas/acpnet.js';
import { NAMESPACE } from '../../shared/kube/schemas/core.js';
import { IP, IPPOOL, SUBNET, VLAN, VPC, VPC_EGRESS_GATEWAY } from '../../shared/kube/schemas/kubeovn.js';
import {
  NETWORK_ATTACHMENT_DEFINITION,
  POD,
  type Pod,
  STATEFUL_SET,
} from '../../shared/kube/schemas/workloads.js';
import type { ResourceStore } from '../../shared/kube/store.js';
import type { EventFunction, ResolvedEvent } from '../runtime/contract.js';
import { newContext, type PlanContext, touch } from './context.js';
import { replanExhausted, replanGateways, replanWaitingPods } from './dependents.js';
import { planGateway, planGatewayGone } from './gateways.js';
import { podIpamIndexes } from './indexes.js';
import { Ledger } from './ledger.js';
import { podNetworkRefs } from './nics.js';
import { planPodEvent } from './pods.js';
import { planStatefulSet } from './statefulsets.js';
import { statusEffects } from './status.js';

const ledgers = new WeakMap<object, Ledger>();

function ledgerOf(view: ModelView): Ledger {
  const ledger = ledgers.get(view.store);
  if (!ledger) throw new Error('pod-ipam was not attached to this store (prepareStore attaches it)');
  ledger.build(view);
  return ledger;
}

/**
 * A Subnet or IPPool change: its allocators rebuilt when its layout changed, its status written when
 * what is stored differs from the ledger (a status another replica wrote from a view that missed
 * this one's last changes is corrected by the Subnet event that write causes), and once per layout
 * change the Pods and gateways waiting on it planned again.
 */
function planLayout(ctx: PlanContext, subnet: string): void {
  const ledger = ctx.ledger.subnet(subnet, ctx.view);
  for (const pool of (ledger.allocator?.allocators() ?? []).flatMap((a) => a.poolNames()))
    touch(ctx, subnet, pool);
  if (ledger.generation === ledger.replannedGeneration) return;
  ledger.replannedGeneration = ledger.generation;
  replanGateways(ctx, subnet);
  replanWaitingPods(ctx, '');
}

function planEvent(ctx: PlanContext, event: ResolvedEvent): void {
  const object = event.object;
  const namespace = object.metadata.namespace ?? '';
  const name = object.metadata.name ?? '';
  const gone = event.type === 'delete';
  switch (groupKindOf(object)) {
    case POD.groupKind: {
      const { name: podName, namespace: podNamespace, uid } = object.metadata;
      const identity: Pod = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: podName, namespace: podNamespace, uid },
      };
      planPodEvent(ctx, ctx.view.read(POD, object) ?? identity, event.type);
      break;
    }
    case SUBNET.groupKind:
      planLayout(ctx, name);
      break;
    case IPPOOL.groupKind: {
      // The pool may have moved from another Subnet: every Subnet whose layout changed is planned.
      const pool = gone ? undefined : ctx.view.read(IPPOOL, object);
      const own = pool?.spec?.subnet;
      for (const subnet of [...new Set([...(own ? [own] : []), ...ctx.ledger.subnetNames()])].sort()) {
        const ledger = ctx.ledger.subnet(subnet, ctx.view);
        if (subnet === own || ledger.generation !== ledger.replannedGeneration) planLayout(ctx, subnet);
      }
      break;
    }
    case NAMESPACE.groupKind:
      if (!gone) replanWaitingPods(ctx, name);
      break;
    case NETWORK_ATTACHMENT_DEFINITION.groupKind:
      replanWaitingPods(ctx, '', (pod) =>
        podNetworkRefs(pod).some((r) => r.namespace === namespace && r.name === name),
      );
      break;
    case STATEFUL_SET.groupKind: {
      const statefulSet = ctx.view.read(STATEFUL_SET, object);
      if (statefulSet) planStatefulSet(ctx, statefulSet, gone);
      break;
    }
    case VPC_EGRESS_GATEWAY.groupKind: {
      const gateway = gone ? undefined : ctx.view.read(VPC_EGRESS_GATEWAY, object);
      if (gateway) planGateway(ctx, gateway);
      else planGatewayGone(ctx, namespace, name);
      break;
    }
  }
  replanExhausted(ctx);
  for (const [subnet, pools] of [...ctx.touched].sort(([a], [b]) => (a < b ? -1 : 1))) {
    ctx.effects.push(...statusEffects(ctx, subnet, [...pools].sort()));
  }
}

/**
 * Kube-OVN addresses as kube-ovn-controller assigns them: Pods (every NIC), and the VpcEgressGateway
 * addresses a spec leaves empty. See functions/README.md, "pod-ipam".
 */
export const podIpam: EventFunction = {
  name: 'pod-ipam',
  consumes: [POD, SUBNET, IPPOOL, NAMESPACE, NETWORK_ATTACHMENT_DEFINITION, STATEFUL_SET, VPC_EGRESS_GATEWAY],
  reads: [IP, IP_CLAIM, VLAN, VPC],
  indexes: podIpamIndexes,
  attach(store: ResourceStore) {
    if (!ledgers.has(store)) ledgers.set(store, new Ledger(store));
  },
  plan(event, view) {
    const ctx = newContext(view, ledgerOf(view), event.time);
    planEvent(ctx, event);
    return ctx.effects;
  },
};
