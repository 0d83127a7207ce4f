import { equalityIndex } from '../../../shared/kube/model/indexes.js';
import { SERVICE } from '../../../shared/kube/schemas/core.js';
import { nodePortsOf, serviceType } from './lib/service-model.js';

export const NODE_PORT_INDEX = 'node-port';

export function nodePortKey(nodePort: number, protocol: string): string {
  return `${nodePort}/${protocol}`;
}

/** `<nodePort>/<protocol>` of every node port a stored Service holds. */
export const nodePortIndex = equalityIndex(SERVICE, NODE_PORT_INDEX, (service) =>
  serviceType(service) === 'ClusterIP' || serviceType(service) === 'ExternalName'
    ? []
    : nodePortsOf(service).map((use) => nodePortKey(use.nodePort, use.protocol)),
);
