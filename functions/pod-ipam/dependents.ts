import { compareStrings } from '../../shared/kube/json-value.js';
import { VPC_EGRESS_GATEWAY } from '../../shared/kube/schemas/kubeovn.js';
import { POD, type Pod } from '../../shared/kube/schemas/workloads.js';
import type { PlanContext } from './context.js';
import { GATEWAY_WAITING, planGateway } from './gateways.js';
import { GATEWAYS_BY_SUBNET, WAITING_PODS } from './indexes.js';
import { planLivePod } from './pods.js';

const podKey = (pod: Pod) => `${pod.metadata.namespace}/${pod.metadata.name}`;

/**
 * Pods that may still lack an address (WAITING_PODS, `namespace` or '' for all), planned again as
 * their own events would plan them, in namespace/name order: a Subnet, IPPool, Namespace or
 * NetworkAttachmentDefinition change may be what they wait for.
 */
export function replanWaitingPods(
  ctx: PlanContext,
  namespace: string,
  which: (pod: Pod) => boolean = () => true,
): void {
  const pods = [...ctx.view.byIndex(POD, WAITING_PODS, namespace)].sort((a, b) =>
    compareStrings(podKey(a), podKey(b)),
  );
  for (const pod of pods) if (!ctx.planned.has(podKey(pod)) && which(pod)) planLivePod(ctx, pod);
}

/** The VpcEgressGateways that reserve addresses of `subnet`, planned again in namespace/name order. */
export function replanGateways(ctx: PlanContext, subnet: string): void {
  const gateways = [...ctx.view.byIndex(VPC_EGRESS_GATEWAY, GATEWAYS_BY_SUBNET, subnet)].sort((a, b) =>
    compareStrings(
      `${a.metadata.namespace}/${a.metadata.name}`,
      `${b.metadata.namespace}/${b.metadata.name}`,
    ),
  );
  for (const gateway of gateways) planGateway(ctx, gateway);
}

/** Pods and VpcEgressGateways that found no free address in a Subnet an address of which was released. */
export function replanExhausted(ctx: PlanContext): void {
  for (const subnet of [...ctx.freed].sort()) {
    for (const key of ctx.ledger.waitingFor(subnet)) {
      if (ctx.planned.has(key)) continue;
      ctx.planned.add(key);
      const gateway = key.startsWith(GATEWAY_WAITING);
      const [namespace = '', name = ''] = key.slice(gateway ? GATEWAY_WAITING.length : 0).split('/');
      ctx.ledger.stopWaiting(key);
      if (gateway) {
        const found = ctx.view.get(VPC_EGRESS_GATEWAY, namespace, name);
        if (found) planGateway(ctx, found);
      } else {
        const found = ctx.view.get(POD, namespace, name);
        if (found) planLivePod(ctx, found);
      }
    }
  }
}
