import { DEFAULT_SUBNET } from '../../shared/kube/keys/kubeovn.js';
import { equalityIndex } from '../../shared/kube/model/indexes.js';
import { IP_CLAIM } from '../../shared/kube/schemas/acpnet.js';
import { IP, IPPOOL, SUBNET, VPC_EGRESS_GATEWAY } from '../../shared/kube/schemas/kubeovn.js';
import { POD } from '../../shared/kube/schemas/workloads.js';
import { isWaitingPod } from './pod-state.js';

export const SUBNETS_BY_NAMESPACE = 'pod-ipam/subnets-by-namespace';
export const SUBNETS_BY_PROVIDER = 'pod-ipam/subnets-by-provider';
export const DEFAULT_SUBNETS = 'pod-ipam/default-subnets';
export const IPPOOLS_BY_NAMESPACE = 'pod-ipam/ippools-by-namespace';
export const IPPOOLS_BY_SUBNET = 'pod-ipam/ippools-by-subnet';
export const CLAIMS_BY_OWNER = 'pod-ipam/claims-by-owner';
export const IPS_BY_POD = 'pod-ipam/ips-by-pod';
export const IPS_BY_NAMESPACE = 'pod-ipam/ips-by-namespace';
export const WAITING_PODS = 'pod-ipam/waiting-pods';
export const GATEWAYS_BY_SUBNET = 'pod-ipam/gateways-by-subnet';

/** The key of DEFAULT_SUBNETS, and of WAITING_PODS for every namespace at once. */
export const ALL = '';

const present = (value: string | undefined): string[] => (value ? [value] : []);

export const podIpamIndexes = [
  equalityIndex(SUBNET, SUBNETS_BY_NAMESPACE, (subnet) => subnet.spec?.namespaces ?? []),
  equalityIndex(SUBNET, SUBNETS_BY_PROVIDER, (subnet) => present(subnet.spec?.provider)),
  equalityIndex(SUBNET, DEFAULT_SUBNETS, (subnet) =>
    subnet.spec?.default === true || subnet.metadata.name === DEFAULT_SUBNET ? [ALL] : [],
  ),
  equalityIndex(IPPOOL, IPPOOLS_BY_NAMESPACE, (pool) => pool.spec?.namespaces ?? []),
  equalityIndex(IPPOOL, IPPOOLS_BY_SUBNET, (pool) => present(pool.spec?.subnet)),
  equalityIndex(IP_CLAIM, CLAIMS_BY_OWNER, (claim) => [claim.spec.owner]),
  equalityIndex(IP, IPS_BY_POD, (ip) =>
    ip.spec?.podName ? [`${ip.spec.namespace ?? ''}/${ip.spec.podName}`] : [],
  ),
  equalityIndex(IP, IPS_BY_NAMESPACE, (ip) => present(ip.spec?.namespace)),
  /** Pods that may still need an address: under their namespace and under ALL. */
  equalityIndex(POD, WAITING_PODS, (pod) => (isWaitingPod(pod) ? [ALL, pod.metadata.namespace ?? ''] : [])),
  equalityIndex(VPC_EGRESS_GATEWAY, GATEWAYS_BY_SUBNET, (gateway) => [
    ...new Set([...present(gateway.spec.internalSubnet), gateway.spec.externalSubnet]),
  ]),
];
