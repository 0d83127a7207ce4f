import type { ModelView } from '../../../../shared/kube/model/model-view.js';
import { describeObject } from '../../../../shared/kube/object.js';
import {
  BGP_ADVERTISEMENT,
  type BGPAdvertisement,
  type BGPPeer,
  type IPAddressPool,
} from '../../../../shared/kube/schemas/metallb.js';
import { NODE, type Node } from '../../../../shared/kube/schemas/workloads.js';
import { selectedPools } from '../../../../shared/metallb/advertisement-pools.js';
import { advertisedPeers, nodesSelectedBy, peeringNodes } from '../../../../shared/metallb/bgp-nodes.js';
import { warn } from '../../findings.js';
import type { Finding } from '../../types.js';
import { ADVERTISEMENT_PEER_INDEX } from '../indexes.js';
import { nameOf } from './identity.js';

const GUIDE_RULE = "the advertisement's nodes should be a subset of the peers' nodeSelectors";

/**
 * The guide's rule for BGP pools: the nodes that announce a pool (the advertisement's
 * nodeSelectors) must be a subset of the nodes that hold sessions with its peers (the peers'
 * nodeSelectors). Returns the announcing nodes no peer covers, sorted.
 */
function uncoveredNodes(
  nodes: readonly Node[],
  advertisement: BGPAdvertisement,
  peers: readonly BGPPeer[],
): string[] {
  const peered = peeringNodes(nodes, peers);
  return nodesSelectedBy(nodes, advertisement.spec?.nodeSelectors ?? []).filter((node) => !peered.has(node));
}

/** Judged from the advertisement under review, against the Node objects the store knows. */
export function advertisementCoverageFindings(
  rule: string,
  view: ModelView,
  advertisement: BGPAdvertisement,
  pools: readonly IPAddressPool[],
): Finding[] {
  const nodes = view.list(NODE);
  const peers = advertisedPeers(view, advertisement);
  if (nodes.length === 0 || peers.length === 0 || pools.length === 0) return [];
  const uncovered = uncoveredNodes(nodes, advertisement, peers);
  if (uncovered.length === 0) return [];
  const peerNames = peers.map(describeObject).join(', ');
  return [
    warn(
      rule,
      'spec.nodeSelectors',
      `node(s) ${uncovered.join(', ')} would announce pool(s) ${pools.map(nameOf).join(', ')} but hold no BGP session with ${peerNames}; ${GUIDE_RULE}`,
      'NodesWithoutPeer',
      peerNames,
    ),
  ];
}

/** The advertisements that announce to `peer`: those naming it, and those naming no peer at all. */
function advertisementsOf(view: ModelView, peer: BGPPeer): BGPAdvertisement[] {
  const namespace = peer.metadata.namespace ?? '';
  const byName = view
    .byIndex(BGP_ADVERTISEMENT, ADVERTISEMENT_PEER_INDEX, nameOf(peer))
    .filter((adv) => adv.metadata.namespace === namespace);
  const toAll = view.list(BGP_ADVERTISEMENT, namespace).filter((adv) => (adv.spec?.peers ?? []).length === 0);
  return [...byName, ...toAll];
}

/** Judged from a BGPPeer under review: the advertisements announcing to it, with it as submitted. */
export function peerCoverageFindings(rule: string, view: ModelView, peer: BGPPeer): Finding[] {
  const nodes = view.list(NODE);
  if (nodes.length === 0) return [];
  const out: Finding[] = [];
  for (const advertisement of advertisementsOf(view, peer)) {
    const pools = selectedPools(view, advertisement);
    if (pools.length === 0) continue;
    const others = advertisedPeers(view, advertisement).filter((p) => nameOf(p) !== nameOf(peer));
    const uncovered = uncoveredNodes(nodes, advertisement, [...others, peer]);
    if (uncovered.length === 0) continue;
    out.push(
      warn(
        rule,
        'spec.nodeSelectors',
        `node(s) ${uncovered.join(', ')} announce pool(s) ${pools.map(nameOf).join(', ')} through ${describeObject(advertisement)} but would hold no BGP session with its peers; ${GUIDE_RULE}`,
        'NodesWithoutPeer',
        describeObject(advertisement),
      ),
    );
  }
  return out;
}
