import { equalityIndex, rangeIndex } from '../../shared/kube/model/indexes.js';
import { SERVICE } from '../../shared/kube/schemas/core.js';
import { IP_ADDRESS } from '../../shared/kube/schemas/ip-address.js';
import { IP, SUBNET } from '../../shared/kube/schemas/kubeovn.js';
import { ipAddresses } from '../../shared/kubeovn/ip.js';
import { subnetRanges } from '../../shared/kubeovn/subnet.js';
import { heldLoadBalancerIps } from '../../shared/metallb/service-addresses.js';
import { parseAddress, tryParseAddress } from '../../shared/net/address.js';
import { singleAddressRange } from '../../shared/net/ranges.js';
import { holdersOfClaim, isOwnClaim } from './claims.js';
import { readRequest } from './request.js';

export const SERVICES_BY_STATE = 'loadbalancer-ipam/services';
export const HELD_BY_SERVICE = 'loadbalancer-ipam/held';
export const CLAIMED = 'loadbalancer-ipam/claimed';
export const CLAIMS_BY_HOLDER = 'loadbalancer-ipam/claims-by-holder';
export const HELD_BY_KUBEOVN = 'loadbalancer-ipam/kubeovn-held';
export const SUBNETS_BY_CIDR = 'loadbalancer-ipam/subnet-cidr';
export const SERVICES_BY_SHARING = 'loadbalancer-ipam/sharing';

/**
 * Keys of SERVICES_BY_STATE: every Service MetalLB serves, and those of them still waiting for an
 * address: holding none, or (PreferDualStack with ClusterIPs of both families) holding one, so still
 * waiting for the second family (MetalLB's AllocateFromPoolForAdditionalFamily, tried whenever it
 * converges the Service).
 */
export const SERVED = 'served';
export const WAITING = 'waiting';

/** Services MetalLB serves (type LoadBalancer, no other class), and which of them still wait. */
export const servicesByState = equalityIndex(SERVICE, SERVICES_BY_STATE, (service) => {
  const request = readRequest(service);
  if (!request.served) return [];
  const waiting =
    request.held.length === 0 ||
    (request.held.length === 1 && request.family === 'dual' && request.policy === 'PreferDualStack');
  return waiting ? [SERVED, WAITING] : [SERVED];
});

/** Services by their allow-shared-ip key: the only ones whose addresses another Service may share. */
export const servicesBySharing = equalityIndex(SERVICE, SERVICES_BY_SHARING, (service) => {
  const { sharing } = readRequest(service);
  return sharing ? [sharing] : [];
});

/** Services by the load balancer addresses their status holds, whoever wrote them. */
export const heldByService = rangeIndex(SERVICE, HELD_BY_SERVICE, (service) =>
  heldLoadBalancerIps(service).map((ip) => singleAddressRange(parseAddress(ip))),
);

/** IPAddress objects by their address: acpnet's claims, and the ClusterIP allocator's. */
export const claimed = rangeIndex(IP_ADDRESS, CLAIMED, (claim) => {
  const address = tryParseAddress(claim.metadata.name ?? '');
  return address ? [singleAddressRange(address)] : [];
});

/** acpnet's claims by the Services they name as holders. */
export const claimsByHolder = equalityIndex(IP_ADDRESS, CLAIMS_BY_HOLDER, (claim) =>
  isOwnClaim(claim) ? holdersOfClaim(claim) : [],
);

/** Kube-OVN IP objects by their addresses: an address a pod holds is never a LoadBalancer address. */
export const heldByKubeOvn = rangeIndex(IP, HELD_BY_KUBEOVN, (ip) =>
  ipAddresses(ip).map((text) => singleAddressRange(parseAddress(text))),
);

/** Kube-OVN Subnets by their CIDRs: the gateway of one a pool overlaps is never handed out. */
export const subnetsByCidr = rangeIndex(SUBNET, SUBNETS_BY_CIDR, subnetRanges);
