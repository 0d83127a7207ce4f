import { SERVICE } from '../../../shared/kube/schemas/core.js';
import type { EqualityIndexSpec } from '../../../shared/kube/store.js';
import { heldLoadBalancerIps, requestedLoadBalancerIps } from '../../../shared/metallb/service-addresses.js';
import { nodePortsOf, serviceType } from './service-model.js';

export const NODE_PORT_INDEX = 'node-port';

export function nodePortKey(nodePort: number, protocol: string): string {
  return `${nodePort}/${protocol}`;
}

/** `<nodePort>/<protocol>` of every node port a stored Service holds. */
export const nodePortIndex: EqualityIndexSpec = {
  kind: SERVICE.groupKind,
  name: NODE_PORT_INDEX,
  keys: (obj) =>
    serviceType(obj) === 'ClusterIP' || serviceType(obj) === 'ExternalName'
      ? []
      : nodePortsOf(obj).map((use) => nodePortKey(use.nodePort, use.protocol)),
};

export const LOAD_BALANCER_IP_INDEX = 'load-balancer-ip';

/** Addresses a Service requests from MetalLB or holds, canonical text. */
export const loadBalancerIpIndex: EqualityIndexSpec = {
  kind: SERVICE.groupKind,
  name: LOAD_BALANCER_IP_INDEX,
  keys: (obj) => [
    ...new Set([...requestedLoadBalancerIps(obj).map((r) => r.address), ...heldLoadBalancerIps(obj)]),
  ],
};
