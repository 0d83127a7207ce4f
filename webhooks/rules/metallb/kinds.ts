import type { GroupKind } from '../../../shared/kube/object.js';

export const IP_ADDRESS_POOL: GroupKind = 'metallb.io/IPAddressPool';
export const L2_ADVERTISEMENT: GroupKind = 'metallb.io/L2Advertisement';
export const BGP_ADVERTISEMENT: GroupKind = 'metallb.io/BGPAdvertisement';
export const BGP_PEER: GroupKind = 'metallb.io/BGPPeer';
export const COMMUNITY: GroupKind = 'metallb.io/Community';
export const SERVICE: GroupKind = '/Service';
export const NODE: GroupKind = '/Node';

/** The metallb.io kinds MetalLB only reads from its own namespace. */
export const METALLB_KINDS: readonly GroupKind[] = [
  IP_ADDRESS_POOL,
  L2_ADVERTISEMENT,
  BGP_ADVERTISEMENT,
  BGP_PEER,
  COMMUNITY,
];

/** Service annotations MetalLB reads; the stable name wins over the deprecated one. */
export const ADDRESS_POOL_ANNOTATIONS = [
  'metallb.io/address-pool',
  'metallb.universe.tf/address-pool',
] as const;
export const LOAD_BALANCER_IPS_ANNOTATIONS = [
  'metallb.io/loadBalancerIPs',
  'metallb.universe.tf/loadBalancerIPs',
] as const;
