import {
  ANNOUNCING_NODES_ANNOTATION,
  NODES_WITHOUT_PEER_ANNOTATION,
} from '../../shared/kube/keys/metallb.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import { BGP_ADVERTISEMENT, type BGPAdvertisement, type BGPPeer } from '../../shared/kube/schemas/metallb.js';
import { NODE, type Node } from '../../shared/kube/schemas/workloads.js';
import { selectedPools } from '../../shared/metallb/advertisement-pools.js';
import {
  advertisedPeers,
  canAnnounce,
  nodesSelectedBy,
  peeringNodes,
} from '../../shared/metallb/bgp-nodes.js';
import type { Effect } from '../runtime/contract.js';
import { type EventDraft, eventEffect, listNames } from './events.js';

/** Who announces an advertisement's pools, and how it came to that. */
export interface Announcing {
  /** Picked by the advertisement's nodeSelectors (every node when it has none). */
  selected: string[];
  /** Of those, the nodes no peer of the advertisement selects: the guide wants none. */
  withoutPeer: string[];
  /** Selected, peering, and able to announce (Ready, network available, not excluded). */
  announcing: string[];
  peers: BGPPeer[];
}

export function announcingNodes(
  view: ModelView,
  nodes: readonly Node[],
  advertisement: BGPAdvertisement,
): Announcing {
  const peers = advertisedPeers(view, advertisement);
  const selected = nodesSelectedBy(nodes, advertisement.spec?.nodeSelectors ?? []);
  const peered = peeringNodes(nodes, peers);
  const able = new Set(nodes.filter(canAnnounce).map((node) => node.metadata.name ?? ''));
  return {
    selected,
    withoutPeer: selected.filter((node) => !peered.has(node)),
    announcing: selected.filter((node) => peered.has(node) && able.has(node)),
    peers,
  };
}

function poolsText(view: ModelView, advertisement: BGPAdvertisement): string {
  const pools = selectedPools(view, advertisement).map((pool) => pool.metadata.name ?? '');
  return pools.length === 0 ? 'no IPAddressPool (yet)' : `IPAddressPool(s) ${listNames(pools)}`;
}

function peersText(peers: readonly BGPPeer[]): string {
  return peers.length === 0
    ? 'no BGPPeer'
    : `BGPPeer(s) ${listNames(peers.map((p) => p.metadata.name ?? ''))}`;
}

/** Why nothing announces: the first stage of selected -> peering -> able that leaves no node. */
function whyEmpty(found: Announcing): string {
  if (found.selected.length === 0) return 'its nodeSelectors select no node';
  if (found.peers.length === 0) return 'it has no BGPPeer to announce to';
  if (found.withoutPeer.length === found.selected.length)
    return `none of the ${found.selected.length} selected node(s) peers with ${peersText(found.peers)}`;
  return 'every selected node that peers is not Ready, has its network unavailable or is excluded from external load balancers';
}

function drafts(
  view: ModelView,
  advertisement: BGPAdvertisement,
  found: Announcing,
  before: Record<string, string>,
): EventDraft[] {
  const out: EventDraft[] = [];
  const pools = poolsText(view, advertisement);
  const announcing = found.announcing.join(',');
  if (before[ANNOUNCING_NODES_ANNOTATION] !== announcing) {
    const was = before[ANNOUNCING_NODES_ANNOTATION];
    const previously =
      was === undefined ? 'not recorded before' : `were: ${listNames(was ? was.split(',') : [])}`;
    out.push(
      found.announcing.length === 0
        ? {
            type: 'Warning',
            reason: 'NoAnnouncingNodes',
            message: `no node announces ${pools}: ${whyEmpty(found)} (${previously})`,
          }
        : {
            type: 'Normal',
            reason: 'AnnouncingNodes',
            message: `${pools} announced to ${peersText(found.peers)} from node(s) ${listNames(found.announcing)} (${previously})`,
          },
    );
  }
  const withoutPeer = found.withoutPeer.join(',');
  if (found.withoutPeer.length > 0 && before[NODES_WITHOUT_PEER_ANNOTATION] !== withoutPeer) {
    out.push({
      type: 'Warning',
      reason: 'NodesWithoutPeer',
      message: `node(s) ${listNames(found.withoutPeer)} are selected for ${pools} but hold no BGP session with ${peersText(found.peers)}; the selected nodes must be a subset of the BGP-connected nodes`,
    });
  }
  return out;
}

/**
 * Records the announcing nodes (and the selected nodes without a peer) on the advertisement, with an
 * Event for each change: Normal for a new set, Warning when it is empty or nodes lack a peer. Events
 * come first, so a redelivery after a lost annotation write plans the same Events (same names).
 */
export function planAdvertisement(
  view: ModelView,
  nodes: readonly Node[],
  advertisement: BGPAdvertisement,
  time: string | undefined,
): Effect[] {
  const found = announcingNodes(view, nodes, advertisement);
  const before = advertisement.metadata.annotations ?? {};
  const wanted = {
    [ANNOUNCING_NODES_ANNOTATION]: found.announcing.join(','),
    [NODES_WITHOUT_PEER_ANNOTATION]: found.withoutPeer.join(','),
  };
  if (Object.entries(wanted).every(([key, value]) => before[key] === value)) return [];
  const { name, namespace } = advertisement.metadata;
  return [
    ...drafts(view, advertisement, found, before).map((draft) => eventEffect(advertisement, draft, time)),
    {
      op: 'apply',
      object: {
        apiVersion: advertisement.apiVersion,
        kind: advertisement.kind,
        metadata: { name, namespace, annotations: wanted },
      },
    },
  ];
}

/** Every advertisement (of one namespace, or all), in namespace/name order. */
export function planAdvertisements(view: ModelView, time: string | undefined, namespace?: string): Effect[] {
  const nodes = view.list(NODE);
  return view
    .list(BGP_ADVERTISEMENT, namespace)
    .flatMap((advertisement) => planAdvertisement(view, nodes, advertisement, time));
}
