import type { Node, Pod } from '../../shared/kube/schemas/workloads.js';
import type { AlbCluster } from './cluster.js';

type Conditions = { type: string; status: string }[] | undefined;

const isTrue = (conditions: Conditions, type: string) =>
  conditions?.some((c) => c.type === type && c.status === 'True') ?? false;

/** A node that reports Ready; an unknown node is not. */
export function isReadyNode(node: Node | undefined): boolean {
  return isTrue(node?.status?.conditions, 'Ready');
}

/** A Pod that reports Ready and is not being deleted (its endpoints are on their way out). */
export function isServingPod(pod: Pod): boolean {
  return !pod.metadata.deletionTimestamp && isTrue(pod.status?.conditions, 'Ready');
}

/** The host addresses of a Pod: `status.hostIPs`, else (older API servers) `status.hostIP`. */
export function hostAddressesOf(pod: Pod): string[] {
  const ips = pod.status?.hostIPs?.map((entry) => entry.ip) ?? [];
  if (ips.length > 0) return ips;
  return pod.status?.hostIP ? [pod.status.hostIP] : [];
}

/**
 * The addresses that serve an ALB2: the host addresses of its Ready Pods on Ready nodes, all
 * families, as found (normalizeBackends keeps the VIP's family, orders and deduplicates). None when
 * the ALB2 does not exist.
 */
export function albHostAddresses(cluster: AlbCluster, namespace: string, name: string): string[] {
  if (!cluster.albExists(namespace, name)) return [];
  return cluster
    .podsOf(namespace, name)
    .filter((pod) => isServingPod(pod) && isReadyNode(cluster.node(pod.spec?.nodeName ?? '')))
    .flatMap(hostAddressesOf);
}
