import { equalityIndex } from '../../../shared/kube/model/indexes.js';
import { SERVICE } from '../../../shared/kube/schemas/core.js';
import { BGP_ADVERTISEMENT, L2_ADVERTISEMENT } from '../../../shared/kube/schemas/metallb.js';
import {
  allocatedPool,
  heldLoadBalancerIps,
  requestedLoadBalancerIps,
  requestedPool,
} from '../../../shared/metallb/service-addresses.js';

export const SERVICE_POOL_INDEX = 'metallb-address-pool';
export const SERVICE_ALLOCATED_POOL_INDEX = 'metallb-allocated-pool';
export const LOAD_BALANCER_IP_INDEX = 'load-balancer-ip';
export const ADVERTISEMENT_PEER_INDEX = 'peer';
export const ADVERTISEMENT_POOL_INDEX = 'pool';

export { POOL_ADDRESS_INDEX, poolRangeIndex } from '../../../shared/metallb/indexes.js';

/** Services by the pool they ask for by annotation. */
export const servicePoolIndex = equalityIndex(SERVICE, SERVICE_POOL_INDEX, (service) => {
  const pool = requestedPool(service)?.pool;
  return pool ? [pool] : [];
});

/** Services by the pool MetalLB allocated their address from. */
export const serviceAllocatedPoolIndex = equalityIndex(SERVICE, SERVICE_ALLOCATED_POOL_INDEX, (service) => {
  const pool = allocatedPool(service);
  return pool ? [pool] : [];
});

/** Services by the addresses they request from MetalLB or hold, canonical text. */
export const loadBalancerIpIndex = equalityIndex(SERVICE, LOAD_BALANCER_IP_INDEX, (service) => [
  ...new Set([...requestedLoadBalancerIps(service).map((r) => r.address), ...heldLoadBalancerIps(service)]),
]);

/** BGP advertisements by the peers they name. */
export const advertisementPeerIndex = equalityIndex(
  BGP_ADVERTISEMENT,
  ADVERTISEMENT_PEER_INDEX,
  (advertisement) => advertisement.spec?.peers ?? [],
);

/** Advertisements of both kinds by the pools they name in `ipAddressPools`. */
export const advertisementPoolIndexes = [
  equalityIndex(L2_ADVERTISEMENT, ADVERTISEMENT_POOL_INDEX, (adv) => adv.spec?.ipAddressPools ?? []),
  equalityIndex(BGP_ADVERTISEMENT, ADVERTISEMENT_POOL_INDEX, (adv) => adv.spec?.ipAddressPools ?? []),
];
