import { equalityIndex, rangeIndex } from '../../../shared/kube/model/indexes.js';
import { IP, IPPOOL, SUBNET, VLAN } from '../../../shared/kube/schemas/kubeovn.js';
import { NODE, POD } from '../../../shared/kube/schemas/workloads.js';
import type { EqualityIndexSpec, RangeIndexSpec } from '../../../shared/kube/store.js';
import { canonicalAddresses } from '../../../shared/kubeovn/addresses.js';
import { subnetCidrIndex } from '../../../shared/kubeovn/indexes.js';
import { ipAddresses } from '../../../shared/kubeovn/ip.js';
import { ipPoolRanges } from '../../../shared/kubeovn/ippool.js';
import { fixedIpAnnotations, podAllocatedSubnet } from '../../../shared/kubeovn/pod-annotations.js';
import { subnetVpc } from '../../../shared/kubeovn/subnet.js';
import { nodeInternalIps } from './lib/node-addresses.js';

export { SUBNET_CIDR_INDEX } from '../../../shared/kubeovn/indexes.js';
export const IPPOOL_IPS_INDEX = 'ips';
export const NODE_INTERNAL_IP_INDEX = 'internal-ip';
export const BY_SUBNET_INDEX = 'subnet';
export const SUBNET_NAMESPACE_INDEX = 'namespace';
export const VLAN_PROVIDER_INDEX = 'provider';
export const SUBNET_DEFAULT_INDEX = 'default';
export const SUBNET_VPC_INDEX = 'vpc';
export const SUBNET_PROVIDER_INDEX = 'provider';
export const IP_ADDRESS_INDEX = 'address';
export const POD_FIXED_IP_INDEX = 'fixed-ip';

/** The key of POD_FIXED_IP_INDEX: an address asked for on the NIC of `provider`. */
export function fixedIpKey(provider: string, address: string): string {
  return `${provider}|${address}`;
}

const present = (value: string | undefined): string[] => (value ? [value] : []);

export const kubeovnRangeIndexes: readonly RangeIndexSpec[] = [
  subnetCidrIndex,
  rangeIndex(IPPOOL, IPPOOL_IPS_INDEX, ipPoolRanges),
  rangeIndex(NODE, NODE_INTERNAL_IP_INDEX, nodeInternalIps),
];

export const kubeovnEqualityIndexes: readonly EqualityIndexSpec[] = [
  equalityIndex(IP, BY_SUBNET_INDEX, (ip) => present(ip.spec?.subnet)),
  equalityIndex(IPPOOL, BY_SUBNET_INDEX, (pool) => present(pool.spec?.subnet)),
  equalityIndex(POD, BY_SUBNET_INDEX, (pod) => present(podAllocatedSubnet(pod))),
  equalityIndex(SUBNET, SUBNET_NAMESPACE_INDEX, (subnet) => subnet.spec?.namespaces ?? []),
  equalityIndex(VLAN, VLAN_PROVIDER_INDEX, (vlan) => present(vlan.spec?.provider)),
  equalityIndex(SUBNET, SUBNET_DEFAULT_INDEX, (subnet) => (subnet.spec?.default === true ? ['true'] : [])),
  equalityIndex(SUBNET, SUBNET_PROVIDER_INDEX, (subnet) => present(subnet.spec?.provider)),
  equalityIndex(SUBNET, SUBNET_VPC_INDEX, (subnet) => [subnetVpc(subnet)]),
  equalityIndex(IP, IP_ADDRESS_INDEX, ipAddresses),
  equalityIndex(POD, POD_FIXED_IP_INDEX, (pod) =>
    fixedIpAnnotations(pod).flatMap(({ provider, value }) =>
      canonicalAddresses(value).map((address) => fixedIpKey(provider, address)),
    ),
  ),
];
