import type { GroupKind } from '../../../shared/kube/object.js';

export const SUBNET: GroupKind = 'kubeovn.io/Subnet';
export const IPPOOL: GroupKind = 'kubeovn.io/IPPool';
export const IP: GroupKind = 'kubeovn.io/IP';
export const VLAN: GroupKind = 'kubeovn.io/Vlan';
export const PROVIDER_NETWORK: GroupKind = 'kubeovn.io/ProviderNetwork';
export const VPC: GroupKind = 'kubeovn.io/Vpc';
export const VPC_EGRESS_GATEWAY: GroupKind = 'kubeovn.io/VpcEgressGateway';
export const NODE: GroupKind = '/Node';
export const POD: GroupKind = '/Pod';
export const CONFIG_MAP: GroupKind = '/ConfigMap';
export const NETWORK_ATTACHMENT_DEFINITION: GroupKind = 'k8s.cni.cncf.io/NetworkAttachmentDefinition';

/** The VPC a Subnet with an empty `spec.vpc` belongs to. */
export const DEFAULT_VPC = 'ovn-cluster';
/** Kube-OVN's built-in subnets: the default pod subnet and the node-to-pod join subnet. */
export const DEFAULT_SUBNET = 'ovn-default';
export const JOIN_SUBNET = 'join';

/** Pod annotations Kube-OVN writes when it allocates an address. */
export const POD_IP_ANNOTATION = 'ovn.kubernetes.io/ip_address';
export const POD_SUBNET_ANNOTATION = 'ovn.kubernetes.io/logical_switch';

export const IC_CONFIG_NAMESPACE = 'kube-system';
export const IC_CONFIG_NAME = 'ovn-ic-config';
/** Remote member clusters' CIDRs (cluster name -> comma-separated CIDRs), kept by a function. */
export const IC_CIDRS_NAME = 'acpnet-interconnect-cidrs';
