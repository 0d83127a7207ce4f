import type { OwnerReference } from '../kube/object.js';
import type { Pod, StatefulSet } from '../kube/schemas/workloads.js';

/** The StatefulSet a Pod belongs to (kube-ovn isStatefulSetPod: an apps owner whose name prefixes the Pod's). */
export function statefulSetOwner(pod: Pod): OwnerReference | undefined {
  return pod.metadata.ownerReferences?.find(
    (owner) =>
      owner.kind === 'StatefulSet' &&
      owner.apiVersion.startsWith('apps/') &&
      (pod.metadata.name ?? '').startsWith(owner.name),
  );
}

/** The ordinal of a StatefulSet Pod: the number after the last hyphen of its name. */
export function podOrdinal(podName: string): number | undefined {
  const match = /-(\d+)$/.exec(podName);
  return match ? Number(match[1]) : undefined;
}

/**
 * Whether the Pod `podName` of StatefulSet `owner` keeps its address for a successor of the same
 * name (kube-ovn isStatefulSetPodToDel): the StatefulSet still exists, is the same one (uid), is not
 * being deleted, and the ordinal is below `ordinals.start + replicas`.
 */
export function statefulSetRetains(
  podName: string,
  owner: Pick<OwnerReference, 'uid'> | undefined,
  statefulSet: StatefulSet | undefined,
): boolean {
  if (!statefulSet || statefulSet.metadata.deletionTimestamp) return false;
  if (owner && statefulSet.metadata.uid !== owner.uid) return false;
  const ordinal = podOrdinal(podName);
  if (ordinal === undefined) return false;
  const start = statefulSet.spec?.ordinals?.start ?? 0;
  return ordinal < start + (statefulSet.spec?.replicas ?? 1);
}
