import { appliedMapKeys } from '../../shared/kube/field-ownership.js';
import { BGP_SPEAKER_LABEL } from '../../shared/kube/keys/kubeovn.js';
import type { Node } from '../../shared/kube/schemas/workloads.js';
import type { Effect } from '../runtime/contract.js';
import { COMPONENT } from './events.js';

/**
 * Keeps `ovn.kubernetes.io/bgp=true` on the nodes that peer, so kube-ovn-speaker runs there. A node
 * that peers gets the label (server-side apply, which also takes it from `false`). A node that no
 * longer peers loses it only if acpnet applied it: the apply leaves the label out, and the API server
 * removes a field only when no other manager owns it too, so a label set by hand stays.
 */
export function planSpeakerLabel(node: Node, peers: boolean): Effect[] {
  const name = node.metadata.name ?? '';
  const value = node.metadata.labels?.[BGP_SPEAKER_LABEL];
  if (peers) {
    if (value === 'true') return [];
    return [
      {
        op: 'apply',
        object: {
          apiVersion: 'v1',
          kind: 'Node',
          metadata: { name, labels: { [BGP_SPEAKER_LABEL]: 'true' } },
        },
      },
    ];
  }
  if (!appliedMapKeys(node, COMPONENT, ['metadata', 'labels']).includes(BGP_SPEAKER_LABEL)) return [];
  return [{ op: 'apply', object: { apiVersion: 'v1', kind: 'Node', metadata: { name } } }];
}
