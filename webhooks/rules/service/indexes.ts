import type { EqualityIndexSpec } from '../../../shared/kube/store.js';
import { SERVICE } from '../metallb/kinds.js';
import { nodePortsOf, serviceType } from './service-model.js';

export const NODE_PORT_INDEX = 'node-port';

export function nodePortKey(nodePort: number, protocol: string): string {
  return `${nodePort}/${protocol}`;
}

/** `<nodePort>/<protocol>` of every node port a stored Service holds. */
export const nodePortIndex: EqualityIndexSpec = {
  kind: SERVICE,
  name: NODE_PORT_INDEX,
  keys: (obj) =>
    serviceType(obj) === 'ClusterIP' || serviceType(obj) === 'ExternalName'
      ? []
      : nodePortsOf(obj).map((use) => nodePortKey(use.nodePort, use.protocol)),
};
