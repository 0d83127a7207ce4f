import { NAMESPACE, SERVICE } from '../../../shared/kube/schemas/core.js';
import { SUBNET } from '../../../shared/kube/schemas/kubeovn.js';
import {
  BGP_ADVERTISEMENT,
  BGP_PEER,
  COMMUNITY,
  IP_ADDRESS_POOL,
  L2_ADVERTISEMENT,
} from '../../../shared/kube/schemas/metallb.js';
import { NODE } from '../../../shared/kube/schemas/workloads.js';
import { subnetCidrIndex } from '../../../shared/kubeovn/indexes.js';
import type { RuleFamily } from '../types.js';
import { bgpAdvertisementRule } from './bgpadvertisement.js';
import { bgpPeerRule } from './bgppeer.js';
import { communityRule } from './community.js';
import {
  advertisementPeerIndex,
  advertisementPoolIndexes,
  loadBalancerIpIndex,
  poolRangeIndex,
  serviceAllocatedPoolIndex,
  servicePoolIndex,
} from './indexes.js';
import { ipAddressPoolRule } from './ipaddresspool.js';
import { l2AdvertisementRule } from './l2advertisement.js';
import { lbIpSharingRule } from './lb-ip-sharing.js';
import { metallbNamespaceRule } from './namespace.js';
import { serviceAnnotationsRule } from './service-annotations.js';
import { underlayPoolRule } from './underlay-pool.js';
import { underlaySubnetRule } from './underlay-subnet.js';

/**
 * MetalLB (metallb.io): address pools, L2 and BGP advertisements, BGP peers, communities, the
 * Kube-OVN underlay pools, and the address requests Services make of MetalLB by annotation.
 */
export const metallbFamily: RuleFamily = {
  name: 'metallb',
  rules: [
    metallbNamespaceRule,
    ipAddressPoolRule,
    underlayPoolRule,
    underlaySubnetRule,
    l2AdvertisementRule,
    bgpAdvertisementRule,
    bgpPeerRule,
    communityRule,
    serviceAnnotationsRule,
    lbIpSharingRule,
  ],
  mutators: [],
  equalityIndexes: [
    servicePoolIndex,
    serviceAllocatedPoolIndex,
    loadBalancerIpIndex,
    advertisementPeerIndex,
    ...advertisementPoolIndexes,
  ],
  rangeIndexes: [poolRangeIndex, subnetCidrIndex],
  reads: [
    IP_ADDRESS_POOL,
    L2_ADVERTISEMENT,
    BGP_ADVERTISEMENT,
    BGP_PEER,
    COMMUNITY,
    SUBNET,
    NODE,
    SERVICE,
    NAMESPACE,
  ],
};
