import type { LabelSelector } from '../../../shared/kube/label-selector.js';
import { selectorMatches } from '../../../shared/kube/label-selector.js';
import { selectorList } from '../../../shared/kube/label-selector-problems.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { describeObject } from '../../../shared/kube/object.js';
import { BGP_ADVERTISEMENT, BGP_PEER } from '../../../shared/kube/schemas/metallb.js';
import { NODE } from '../../../shared/kube/schemas/workloads.js';
import { nameOf, specOf, stringList } from '../../../shared/kube/spec-fields.js';
import { warn } from '../findings.js';
import type { AdmissionContext, Finding } from '../types.js';
import { selectedPools } from './advertisement-pools.js';
import { ADVERTISEMENT_PEER_INDEX } from './indexes.js';

const GUIDE_RULE = "the advertisement's nodes should be a subset of the peers' nodeSelectors";

/** Names of the nodes a selector list picks; an empty list picks every node (MetalLB's rule). */
function pickedNodes(nodes: readonly KubeObject[], selectors: LabelSelector[]): Set<string> {
  const picked = nodes.filter(
    (node) => selectors.length === 0 || selectors.some((s) => selectorMatches(s, node.metadata.labels ?? {})),
  );
  return new Set(picked.map(nameOf));
}

/** The peers an advertisement announces to: the named ones, or every peer of the namespace. */
function advertisedPeers(view: ModelView, advertisement: KubeObject): KubeObject[] {
  const namespace = advertisement.metadata.namespace ?? '';
  const names = stringList(specOf(advertisement), 'peers');
  if (names.length === 0) return [...view.list(BGP_PEER, namespace)];
  return names.flatMap((name) => {
    const peer = view.get(BGP_PEER, namespace, name);
    return peer ? [peer] : [];
  });
}

/**
 * The guide's rule for BGP pools: the nodes that announce a pool (the advertisement's
 * nodeSelectors) must be a subset of the nodes that hold sessions with its peers (the peers'
 * nodeSelectors). Returns the announcing nodes no peer covers, sorted.
 */
function uncoveredNodes(
  nodes: readonly KubeObject[],
  advertisement: KubeObject,
  peers: readonly KubeObject[],
): string[] {
  const announcing = pickedNodes(nodes, selectorList(specOf(advertisement), 'nodeSelectors'));
  const peered = new Set<string>();
  for (const peer of peers)
    for (const node of pickedNodes(nodes, selectorList(specOf(peer), 'nodeSelectors'))) peered.add(node);
  return [...announcing].filter((node) => !peered.has(node)).sort();
}

/** Judged from the advertisement under review, against the Node objects the store knows. */
export function advertisementCoverageFindings(
  rule: string,
  ctx: AdmissionContext,
  pools: readonly KubeObject[],
): Finding[] {
  const nodes = ctx.view.list(NODE);
  const peers = advertisedPeers(ctx.view, ctx.object);
  if (nodes.length === 0 || peers.length === 0 || pools.length === 0) return [];
  const uncovered = uncoveredNodes(nodes, ctx.object, peers);
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
function advertisementsOf(view: ModelView, peer: KubeObject): KubeObject[] {
  const namespace = peer.metadata.namespace ?? '';
  const byName = view
    .byIndex(BGP_ADVERTISEMENT, ADVERTISEMENT_PEER_INDEX, nameOf(peer))
    .filter((adv) => adv.metadata.namespace === namespace);
  const toAll = view
    .list(BGP_ADVERTISEMENT, namespace)
    .filter((adv) => stringList(specOf(adv), 'peers').length === 0);
  return [...byName, ...toAll];
}

/** Judged from a BGPPeer under review: the advertisements announcing to it, with it as submitted. */
export function peerCoverageFindings(rule: string, ctx: AdmissionContext): Finding[] {
  const nodes = ctx.view.list(NODE);
  if (nodes.length === 0) return [];
  const peer = ctx.object;
  const out: Finding[] = [];
  for (const advertisement of advertisementsOf(ctx.view, peer)) {
    const pools = selectedPools(ctx.view, advertisement);
    if (pools.length === 0) continue;
    const others = advertisedPeers(ctx.view, advertisement).filter((p) => nameOf(p) !== nameOf(peer));
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
