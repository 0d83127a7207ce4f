/** Service annotations MetalLB reads; the stable `metallb.io/` name wins over the deprecated one. */

export const ADDRESS_POOL_ANNOTATIONS = [
  'metallb.io/address-pool',
  'metallb.universe.tf/address-pool',
] as const;
export const LOAD_BALANCER_IPS_ANNOTATIONS = [
  'metallb.io/loadBalancerIPs',
  'metallb.universe.tf/loadBalancerIPs',
] as const;
export const ALLOW_SHARED_IP_ANNOTATIONS = [
  'metallb.io/allow-shared-ip',
  'metallb.universe.tf/allow-shared-ip',
] as const;
/** MetalLB records the pool it allocated a Service's address from in this annotation. */
export const ALLOCATED_POOL_ANNOTATIONS = [
  'metallb.io/ip-allocated-from-pool',
  'metallb.universe.tf/ip-allocated-from-pool',
] as const;

/** On a BGPAdvertisement: the nodes that announce its pools, sorted, comma-separated (bgp-hosts). */
export const ANNOUNCING_NODES_ANNOTATION = 'acpnet.io/announcing-nodes';
/** On a BGPAdvertisement: the nodes its nodeSelectors pick that peer with none of its BGPPeers. */
export const NODES_WITHOUT_PEER_ANNOTATION = 'acpnet.io/nodes-without-peer';
