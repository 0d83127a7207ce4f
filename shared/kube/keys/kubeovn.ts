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
