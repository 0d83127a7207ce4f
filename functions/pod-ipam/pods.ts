import type { ChangeType } from '../../shared/events/apiserver.js';
import { POD, type Pod } from '../../shared/kube/schemas/workloads.js';
import type { PlanContext } from './context.js';
import { planAllocation } from './plan-pod.js';
import { isTerminal, newerPod, usesHostNetwork } from './pod-state.js';
import { planPodGone } from './release.js';

/** A live Pod: allocated, or released once it has finished (a StatefulSet's may keep its addresses). */
export function planLivePod(ctx: PlanContext, pod: Pod): void {
  if (usesHostNetwork(pod)) return;
  if (isTerminal(pod)) planPodGone(ctx, pod);
  else planAllocation(ctx, pod);
}

/**
 * A Pod event. A delete releases; an add or update of a Pod the store already shows replaced (same
 * name, another uid) releases what the old one held; otherwise the newer of the event's and the
 * store's readings is planned.
 */
export function planPodEvent(ctx: PlanContext, pod: Pod, type: ChangeType): void {
  if (type === 'delete') {
    planPodGone(ctx, pod);
    return;
  }
  const stored = ctx.view.get(POD, pod.metadata.namespace ?? '', pod.metadata.name ?? '');
  if (stored && stored.metadata.uid !== pod.metadata.uid) planPodGone(ctx, pod);
  else planLivePod(ctx, newerPod(pod, stored));
}
