/** Names, annotations and ConfigMaps of Kube-OVN that acpnet reads and writes. */

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
/** The IC southbound's availability zones and routes as acpnet last heard of them, kept by a function. */
export const IC_ZONES_NAME = 'acpnet-interconnect-zones';

/** Multus: the secondary networks of a pod, `[ns/]name[@iface],...` or a JSON list. */
export const MULTUS_NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';

/** kube-ovn-speaker's DaemonSet runs on the nodes labelled `ovn.kubernetes.io/bgp=true`. */
export const BGP_SPEAKER_LABEL = 'ovn.kubernetes.io/bgp';
export const SPEAKER_NAMESPACE = 'kube-system';
export const SPEAKER_DAEMON_SET = 'kube-ovn-speaker';
export const SPEAKER_CONTAINER = 'kube-ovn-speaker';
/** On the speaker DaemonSet: the flags of its container's args that acpnet sets (comma-separated). */
export const SPEAKER_FLAGS_ANNOTATION = 'acpnet.io/speaker-flags';

/** The provider of a Pod's primary NIC: its annotations are `ovn.kubernetes.io/<name>`. */
export const OVN_PROVIDER = 'ovn';

/** `<provider>.kubernetes.io/<name>`: the per-NIC Pod annotations kube-ovn-controller reads and writes. */
export function nicAnnotation(provider: string, name: NicAnnotationName): string {
  return `${provider}.kubernetes.io/${name}`;
}

export type NicAnnotationName =
  | 'allocated'
  | 'ip_address'
  | 'mac_address'
  | 'cidr'
  | 'gateway'
  | 'logical_switch'
  | 'logical_router'
  | 'pod_nic_type'
  | 'ip_pool'
  | 'vlan_id'
  | 'provider_network';

/** Labels kube-ovn-controller puts on the IP objects of Pods (besides `<subnet>: ""`). */
export const IP_SUBNET_LABEL = 'ovn.kubernetes.io/subnet';
export const IP_NODE_NAME_LABEL = 'ovn.kubernetes.io/node-name';
export const IP_RESERVED_LABEL = 'ovn.kubernetes.io/ip_reserved';

/** Pods of a VpcEgressGateway carry its name (kube-ovn vegWorkloadLabels). */
export const VPC_EGRESS_GATEWAY_LABEL = 'ovn.kubernetes.io/vpc-egress-gateway';
