import type { KubeObject } from '../../../shared/kube/object.js';
import { describeObject } from '../../../shared/kube/object.js';
import { selectorMatches } from '../gateway/label-selector.js';
import type { LabelSelector } from '../gateway/listeners.js';
import { warn } from '../ipam/findings.js';
import { nameOf, specOf, stringList } from '../ipam/read.js';
import type { AdmissionContext, Finding } from '../types.js';
import { BGP_PEER, NODE } from './kinds.js';
import { selectorList } from './label-selectors.js';

/** Names of the nodes a selector list picks; an empty list picks every node (MetalLB's rule). */
function pickedNodes(nodes: readonly KubeObject[], selectors: LabelSelector[]): Set<string> {
  const picked = nodes.filter(
    (node) => selectors.length === 0 || selectors.some((s) => selectorMatches(s, node.metadata.labels ?? {})),
  );
  return new Set(picked.map(nameOf));
}

/** The peers an advertisement announces to: the named ones, or every peer of the namespace. */
function advertisedPeers(ctx: AdmissionContext): KubeObject[] {
  const namespace = ctx.object.metadata.namespace ?? '';
  const names = stringList(specOf(ctx.object), 'peers');
  if (names.length === 0) return [...ctx.view.list(BGP_PEER, namespace)];
  return names.flatMap((name) => {
    const peer = ctx.view.get(BGP_PEER, namespace, name);
    return peer ? [peer] : [];
  });
}

/**
 * The guide's rule for BGP pools: the nodes that announce a pool (the advertisement's
 * nodeSelectors) must be a subset of the nodes that hold sessions with its peers (the peers'
 * nodeSelectors). Judged against the Node objects the store knows; silent when it knows none.
 */
export function nodeCoverageFindings(
  rule: string,
  ctx: AdmissionContext,
  pools: readonly KubeObject[],
): Finding[] {
  const nodes = ctx.view.list(NODE);
  const peers = advertisedPeers(ctx);
  if (nodes.length === 0 || peers.length === 0 || pools.length === 0) return [];
  const announcing = pickedNodes(nodes, selectorList(specOf(ctx.object), 'nodeSelectors'));
  const peered = new Set<string>();
  for (const peer of peers)
    for (const node of pickedNodes(nodes, selectorList(specOf(peer), 'nodeSelectors'))) peered.add(node);
  const uncovered = [...announcing].filter((node) => !peered.has(node)).sort();
  if (uncovered.length === 0) return [];
  const peerNames = peers.map(describeObject).join(', ');
  return [
    warn(
      rule,
      'spec.nodeSelectors',
      `node(s) ${uncovered.join(', ')} would announce pool(s) ${pools.map(nameOf).join(', ')} but hold no BGP session with ${peerNames}; the advertisement's nodes should be a subset of the peers' nodeSelectors`,
      'NodesWithoutPeer',
      peerNames,
    ),
  ];
}
