import { MULTUS_NETWORKS_ANNOTATION, nicAnnotation, OVN_PROVIDER } from '../../shared/kube/keys/kubeovn.js';
import type { Pod } from '../../shared/kube/schemas/workloads.js';
import { parseNetworksAnnotation } from '../../shared/kubeovn/pod-annotations.js';
import { SOURCE_RESOURCE_VERSION } from '../runtime/processor.js';

/** Succeeded or Failed: its containers will not run again. */
export function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function isAllocated(pod: Pod, provider: string): boolean {
  return pod.metadata.annotations?.[nicAnnotation(provider, 'allocated')] === 'true';
}

/** A Pod whose network Kube-OVN does not give addresses: the host's network. */
export function usesHostNetwork(pod: Pod): boolean {
  return pod.spec?.hostNetwork === true;
}

/**
 * A live Pod that may still lack an address: its primary NIC is not allocated, or it lists more
 * attachments than it has allocated NICs. Kept in a store index, so Subnet, IPPool, Namespace and
 * NetworkAttachmentDefinition changes find whom to plan again.
 */
export function isWaitingPod(pod: Pod): boolean {
  if (usesHostNetwork(pod) || isTerminal(pod) || pod.metadata.deletionTimestamp) return false;
  if (!isAllocated(pod, OVN_PROVIDER)) return true;
  const networks = pod.metadata.annotations?.[MULTUS_NETWORKS_ANNOTATION];
  if (!networks) return false;
  const parsed = parseNetworksAnnotation(networks, pod.metadata.namespace ?? '');
  if (!parsed.ok) return false;
  const allocated = Object.entries(pod.metadata.annotations ?? {}).filter(
    ([key, value]) => key.endsWith('.kubernetes.io/allocated') && value === 'true',
  ).length;
  return allocated < 1 + parsed.refs.length;
}

/**
 * The Pod as planning reads it, from the event's reading and the store's (same uid). An informer
 * cache may lag behind the event: the newer by resourceVersion wins. A mirrored copy (MemoryStore)
 * has no status (it is written only through /status) and a resourceVersion of its own: there the
 * event's reading is taken with the store's annotations, which hold what this function wrote.
 */
export function newerPod(event: Pod, stored: Pod | undefined): Pod {
  if (!stored || stored.metadata.uid !== event.metadata.uid) return event;
  const mirrored = stored.metadata.annotations?.[SOURCE_RESOURCE_VERSION];
  const a = Number(event.metadata.resourceVersion);
  const b = Number(mirrored ?? stored.metadata.resourceVersion);
  const comparable = Number.isSafeInteger(a) && Number.isSafeInteger(b);
  if (comparable && a > b) return event;
  if (mirrored !== undefined || !comparable) {
    return { ...event, metadata: { ...event.metadata, annotations: stored.metadata.annotations } };
  }
  return stored;
}

/**
 * The resourceVersion the store holds the Pod at, as `newerPod` read it: a mirrored copy's own
 * (MemoryStore numbers its writes), else the reading's, which is the API server's.
 */
export function storedVersion(reading: Pod, stored: Pod | undefined): string | undefined {
  if (stored?.metadata.annotations?.[SOURCE_RESOURCE_VERSION] !== undefined)
    return stored.metadata.resourceVersion;
  return reading.metadata.resourceVersion ?? stored?.metadata.resourceVersion;
}
