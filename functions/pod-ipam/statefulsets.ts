import { IP } from '../../shared/kube/schemas/kubeovn.js';
import { POD, type StatefulSet } from '../../shared/kube/schemas/workloads.js';
import { podOrdinal, statefulSetRetains } from '../../shared/kubeovn/statefulset.js';
import type { PlanContext } from './context.js';
import { IPS_BY_NAMESPACE } from './indexes.js';
import { isTerminal } from './pod-state.js';
import { releaseNics } from './release.js';

/**
 * A StatefulSet that shrank or was deleted releases the addresses its gone (or finished) Pods kept
 * for successors at ordinals it no longer has (kube-ovn isStatefulSetPodToDel); running Pods release
 * theirs when they are deleted.
 */
export function planStatefulSet(ctx: PlanContext, statefulSet: StatefulSet, deleted: boolean): void {
  const namespace = statefulSet.metadata.namespace ?? '';
  const name = statefulSet.metadata.name ?? '';
  const byPod = new Map<string, string[]>();
  for (const ip of ctx.view.byIndex(IP, IPS_BY_NAMESPACE, namespace)) {
    const podName = ip.spec?.podName ?? '';
    if (podName !== `${name}-${podOrdinal(podName)}`) continue;
    byPod.set(podName, [...(byPod.get(podName) ?? []), ip.metadata.name ?? '']);
  }
  for (const [podName, owners] of [...byPod].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const pod = ctx.view.get(POD, namespace, podName);
    if (pod && !isTerminal(pod)) continue;
    if (!deleted && statefulSetRetains(podName, undefined, statefulSet)) continue;
    releaseNics(ctx, owners.sort(), namespace, podName);
  }
}
