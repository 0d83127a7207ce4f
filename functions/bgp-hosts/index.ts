import { SPEAKER_DAEMON_SET, SPEAKER_NAMESPACE } from '../../shared/kube/keys/kubeovn.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import { groupKindOf } from '../../shared/kube/object.js';
import { BGP_ADVERTISEMENT, BGP_PEER, IP_ADDRESS_POOL } from '../../shared/kube/schemas/metallb.js';
import { DAEMON_SET, NODE } from '../../shared/kube/schemas/workloads.js';
import { peeringNodes } from '../../shared/metallb/bgp-nodes.js';
import type { Effect, EventFunction } from '../runtime/contract.js';
import { planAdvertisement, planAdvertisements } from './announcing.js';
import { planSpeakerArgs } from './speaker-args.js';
import { planSpeakerLabel } from './speaker-label.js';

/** The speaker label of every node (or of one), against the BGPPeers of every namespace. */
function planLabels(view: ModelView, only?: string): Effect[] {
  const nodes = view.list(NODE);
  const peered = peeringNodes(nodes, view.list(BGP_PEER));
  return nodes
    .filter((node) => only === undefined || node.metadata.name === only)
    .flatMap((node) => planSpeakerLabel(node, peered.has(node.metadata.name ?? '')));
}

/**
 * MetalLB BGP hosts: each BGPAdvertisement's announcing nodes (annotation and Events), the
 * kube-ovn-speaker label on the nodes that peer, and the speaker's neighbour flags. Every plan reads
 * the whole (small) MetalLB configuration, so the result does not depend on the order of events.
 */
export const bgpHosts: EventFunction = {
  name: 'bgp-hosts',
  consumes: [NODE, BGP_PEER, BGP_ADVERTISEMENT, IP_ADDRESS_POOL, DAEMON_SET],
  reads: [],
  plan(event, view) {
    const object = event.object;
    const { name = '', namespace = '' } = object.metadata;
    switch (groupKindOf(object)) {
      case NODE.groupKind:
        return [
          ...planAdvertisements(view, event.time),
          ...(event.type === 'delete' ? [] : planLabels(view, name)),
        ];
      case BGP_PEER.groupKind:
        return [
          ...planAdvertisements(view, event.time, namespace),
          ...planLabels(view),
          ...planSpeakerArgs(view, event.time),
        ];
      case IP_ADDRESS_POOL.groupKind:
        return planAdvertisements(view, event.time, namespace);
      case DAEMON_SET.groupKind:
        if (namespace !== SPEAKER_NAMESPACE || name !== SPEAKER_DAEMON_SET || event.type === 'delete')
          return [];
        return planSpeakerArgs(view, event.time);
      default: {
        if (event.type === 'delete') return [];
        // The stored object, as every other input is read: it holds the annotations acpnet wrote
        // even when the event's copy predates them (a replayed log, a redelivery).
        const advertisement =
          view.get(BGP_ADVERTISEMENT, namespace, name) ?? view.read(BGP_ADVERTISEMENT, object);
        return advertisement ? planAdvertisement(view, view.list(NODE), advertisement, event.time) : [];
      }
    }
  },
};
