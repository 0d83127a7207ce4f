import { compareStrings } from '../kube/json-value.js';
import { type LabelSelector, selectorMatches } from '../kube/label-selector.js';
import type { ModelView } from '../kube/model/model-view.js';
import { BGP_PEER, type BGPAdvertisement, type BGPPeer } from '../kube/schemas/metallb.js';
import type { Node } from '../kube/schemas/workloads.js';

/** MetalLB's speaker announces nothing from a node carrying this label (its value does not matter). */
export const EXCLUDE_FROM_LOAD_BALANCERS_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';

/** Names of the nodes a selector list picks, sorted; an empty list picks every node (MetalLB's rule). */
export function nodesSelectedBy(nodes: readonly Node[], selectors: readonly LabelSelector[]): string[] {
  return nodes
    .filter(
      (node) =>
        selectors.length === 0 || selectors.some((s) => selectorMatches(s, node.metadata.labels ?? {})),
    )
    .map((node) => node.metadata.name ?? '')
    .sort(compareStrings);
}

/** The nodes that hold a BGP session with at least one of the peers (each by its nodeSelectors). */
export function peeringNodes(nodes: readonly Node[], peers: readonly BGPPeer[]): Set<string> {
  const peered = new Set<string>();
  for (const peer of peers)
    for (const node of nodesSelectedBy(nodes, peer.spec?.nodeSelectors ?? [])) peered.add(node);
  return peered;
}

/** The peers an advertisement announces to: the named ones, or every peer of its namespace. */
export function advertisedPeers(view: ModelView, advertisement: BGPAdvertisement): BGPPeer[] {
  const namespace = advertisement.metadata.namespace ?? '';
  const names = advertisement.spec?.peers ?? [];
  if (names.length === 0) return [...view.list(BGP_PEER, namespace)];
  return names.flatMap((name) => {
    const peer = view.get(BGP_PEER, namespace, name);
    return peer ? [peer] : [];
  });
}

function conditionStatus(node: Node, type: string): string | undefined {
  return node.status?.conditions?.find((condition) => condition.type === type)?.status;
}

/**
 * Whether MetalLB's speaker on the node can announce at all: the node is Ready, its network is not
 * marked unavailable, and it is not excluded from external load balancers (speaker/bgp_controller.go).
 */
export function canAnnounce(node: Node): boolean {
  return (
    conditionStatus(node, 'Ready') === 'True' &&
    conditionStatus(node, 'NetworkUnavailable') !== 'True' &&
    !Object.hasOwn(node.metadata.labels ?? {}, EXCLUDE_FROM_LOAD_BALANCERS_LABEL)
  );
}
