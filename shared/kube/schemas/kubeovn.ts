import { z } from 'zod';
import { defineKind, type KindModel } from '../model/kind-model.js';
import { kubeObject } from './meta.js';

/**
 * kubeovn.io/v1 kinds as the Kube-OVN CRDs publish them (unknown fields refused), plus the fields
 * the platform adds to Subnet for Calico networks (ipipMode, vxlanMode, v4blockSize). Value checks
 * that need a readable message (CIDRs, enums the CRD leaves as strings) live in the kubeovn rules.
 */
export const KUBEOVN_GROUP = 'kubeovn.io';
const apiVersion = `${KUBEOVN_GROUP}/v1`;

const int32 = z.number().int().min(-2147483648).max(2147483647);

const labelSelectorRequirement = z.strictObject({
  key: z.string(),
  operator: z.string(),
  values: z.array(z.string()).optional(),
});

export const labelSelector = z.strictObject({
  matchLabels: z.record(z.string(), z.string()).optional(),
  matchExpressions: z.array(labelSelectorRequirement).optional(),
});
export type LabelSelector = z.infer<typeof labelSelector>;

/** Status is written by controllers; its shape is not acpnet's to judge. */
const status = z.looseObject({}).optional();

const acl = z.strictObject({
  action: z.string().optional(),
  direction: z.string().optional(),
  match: z.string().optional(),
  priority: int32.optional(),
});

const natOutgoingPolicyRule = z.strictObject({
  action: z.string().optional(),
  match: z.strictObject({ dstIPs: z.string().optional(), srcIPs: z.string().optional() }).optional(),
});

export const subnetSpec = z.strictObject({
  acls: z.array(acl).optional(),
  allowEWTraffic: z.boolean().optional(),
  allowSubnets: z.array(z.string()).optional(),
  cidrBlock: z.string().optional(),
  default: z.boolean().optional(),
  dhcpV4Options: z.string().optional(),
  dhcpV6Options: z.string().optional(),
  disableGatewayCheck: z.boolean().optional(),
  disableInterConnection: z.boolean().optional(),
  enableDHCP: z.boolean().optional(),
  enableEcmp: z.boolean().optional(),
  enableExternalLBAddress: z.boolean().optional(),
  enableIPv6RA: z.boolean().optional(),
  enableLb: z.boolean().optional(),
  enableMulticastSnoop: z.boolean().optional(),
  excludeIps: z.array(z.string()).optional(),
  externalEgressGateway: z.string().optional(),
  gateway: z.string().optional(),
  gatewayNode: z.string().optional(),
  gatewayNodeSelectors: z.array(labelSelector).optional(),
  gatewayType: z.string().optional(),
  ipv6RAConfigs: z.string().optional(),
  logicalGateway: z.boolean().optional(),
  mtu: int32.optional(),
  namespaceSelectors: z.array(labelSelector).optional(),
  namespaces: z.array(z.string()).optional(),
  natOutgoing: z.boolean().optional(),
  natOutgoingPolicyRules: z.array(natOutgoingPolicyRule).optional(),
  nodeNetwork: z.string().optional(),
  policyRoutingPriority: int32.optional(),
  policyRoutingTableID: int32.optional(),
  private: z.boolean().optional(),
  protocol: z.string().optional(),
  provider: z.string().optional(),
  routeTable: z.string().optional(),
  u2oFeatures: z.strictObject({ overlayOnlyRouting: z.boolean().optional() }).optional(),
  u2oInterconnection: z.boolean().optional(),
  u2oInterconnectionIP: z.string().optional(),
  vips: z.array(z.string()).optional(),
  vlan: z.string().optional(),
  vpc: z.string().optional(),
  // Calico networks on the platform (see the guide's "Calico 网络" section).
  ipipMode: z.enum(['Always', 'CrossSubnet', 'Never']).optional(),
  vxlanMode: z.enum(['Always', 'CrossSubnet', 'Never']).optional(),
  v4blockSize: z.number().int().min(0).max(32).optional(),
  v6blockSize: z.number().int().min(0).max(128).optional(),
});
export type SubnetSpec = z.infer<typeof subnetSpec>;

export const subnet = kubeObject(apiVersion, 'Subnet', { spec: subnetSpec.optional(), status });
export type Subnet = z.infer<typeof subnet>;

export const ipPoolSpec = z.strictObject({
  enableAddressSet: z.boolean().optional(),
  ips: z.array(z.string()),
  namespaces: z.array(z.string()).optional(),
  subnet: z.string(),
});
export const ipPool = kubeObject(apiVersion, 'IPPool', { spec: ipPoolSpec.optional(), status });
export type IPPool = z.infer<typeof ipPool>;

export const ipSpec = z.strictObject({
  attachIps: z.array(z.string()).optional(),
  attachMacs: z.array(z.string()).optional(),
  attachSubnets: z.array(z.string()).optional(),
  containerID: z.string().optional(),
  ipAddress: z.string().optional(),
  macAddress: z.string().optional(),
  namespace: z.string().optional(),
  nodeName: z.string().optional(),
  podName: z.string().optional(),
  podType: z.string().optional(),
  subnet: z.string().optional(),
  v4IpAddress: z.string().optional(),
  v6IpAddress: z.string().optional(),
});
export const ip = kubeObject(apiVersion, 'IP', { spec: ipSpec.optional(), status });
export type IP = z.infer<typeof ip>;

export const vlanSpec = z.strictObject({
  id: z.number().int().min(0).max(4095).optional(),
  provider: z.string(),
  providerInterfaceName: z.string().optional(),
  vlanId: z.number().int().min(0).max(4095).optional(),
});
export const vlan = kubeObject(apiVersion, 'Vlan', { spec: vlanSpec.optional(), status });
export type Vlan = z.infer<typeof vlan>;

const interfaceName = z
  .string()
  .max(15)
  .regex(/^[^/\s]+$/, 'must be an interface name without "/" or whitespace');

export const providerNetworkSpec = z.strictObject({
  autoCreateVlanSubinterfaces: z.boolean().optional(),
  customInterfaces: z
    .array(z.strictObject({ interface: interfaceName.optional(), nodes: z.array(z.string()).optional() }))
    .optional(),
  defaultInterface: interfaceName,
  exchangeLinkName: z.boolean().optional(),
  excludeNodes: z.array(z.string()).optional(),
  nodeSelector: labelSelector.optional(),
  preserveVlanInterfaces: z.boolean().optional(),
  vlanInterfaces: z.array(z.string()).optional(),
});
export const providerNetwork = kubeObject(apiVersion, 'ProviderNetwork', {
  spec: providerNetworkSpec.optional(),
  status,
});
export type ProviderNetwork = z.infer<typeof providerNetwork>;

export const vpcSpec = z.strictObject({
  bfdPort: z
    .strictObject({
      enabled: z.boolean().optional(),
      ip: z.string().optional(),
      nodeSelector: labelSelector.optional(),
    })
    .optional(),
  defaultSubnet: z.string().optional(),
  enableBfd: z.boolean().optional(),
  enableExternal: z.boolean().optional(),
  extraExternalSubnets: z.array(z.string()).optional(),
  namespaces: z.array(z.string()).optional(),
  policyRoutes: z
    .array(
      z.strictObject({
        action: z.string().optional(),
        match: z.string().optional(),
        nextHopIP: z.string().optional(),
        priority: int32.optional(),
      }),
    )
    .optional(),
  staticRoutes: z
    .array(
      z.strictObject({
        bfdId: z.string().optional(),
        cidr: z.string().optional(),
        ecmpMode: z.string().optional(),
        nextHopIP: z.string().optional(),
        policy: z.string().optional(),
        routeTable: z.string().optional(),
      }),
    )
    .optional(),
  vpcPeerings: z
    .array(z.strictObject({ localConnectIP: z.string().optional(), remoteVpc: z.string().optional() }))
    .optional(),
});
export const vpc = kubeObject(apiVersion, 'Vpc', { spec: vpcSpec.optional(), status });
export type Vpc = z.infer<typeof vpc>;

const bandwidth = z.union([
  z.number().int().min(0).max(9223372036854),
  z
    .string()
    .regex(/^([0-9]+|([0-9]+(\.[0-9]+)?|\.[0-9]+)(M|Mi|G|Gi))$/, 'must be a bandwidth such as 100M or 1Gi'),
]);
const quantity = z.union([
  z.number(),
  z
    .string()
    .regex(
      /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/,
      'must be a Kubernetes quantity',
    ),
]);
const resources = z.strictObject({
  claims: z.array(z.strictObject({ name: z.string(), request: z.string().optional() })).optional(),
  limits: z.record(z.string(), quantity).optional(),
  requests: z.record(z.string(), quantity).optional(),
});
const nodeSelectorTerm = z.strictObject({
  matchExpressions: z.array(labelSelectorRequirement).optional(),
  matchFields: z.array(labelSelectorRequirement).optional(),
  matchLabels: z.record(z.string(), z.string()).optional(),
});

export const vpcEgressGatewaySpec = z.strictObject({
  bandwidth: z.strictObject({ egress: bandwidth.optional(), ingress: bandwidth.optional() }).optional(),
  bfd: z
    .strictObject({
      enabled: z.boolean().optional(),
      minRX: int32.optional(),
      minTX: int32.optional(),
      multiplier: int32.optional(),
    })
    .optional(),
  bgpConf: z.string().optional(),
  evpnConf: z.string().optional(),
  externalIPPool: z.string().optional(),
  externalIPs: z.array(z.string()).optional(),
  externalSubnet: z.string(),
  image: z.string().optional(),
  internalIPPool: z.string().optional(),
  internalIPs: z.array(z.string()).optional(),
  internalSubnet: z.string().optional(),
  nodeSelector: z.array(nodeSelectorTerm).optional(),
  // Conntrack logging and metrics settings: passed through to the gateway, not checked here.
  observability: z.looseObject({}).optional(),
  podAntiAffinity: z.enum(['Required', 'Preferred']).optional(),
  policies: z
    .array(
      z.strictObject({
        ipBlocks: z.array(z.string()).optional(),
        snat: z.boolean().optional(),
        subnets: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  prefix: z
    .string()
    .regex(
      /^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*[-.]?$/,
      'must be a name prefix',
    )
    .optional(),
  replicas: z.number().int().min(0).max(10).optional(),
  resources: resources.optional(),
  selectors: z
    .array(
      z.strictObject({
        namespaceSelector: labelSelector.optional(),
        podSelector: labelSelector.optional(),
      }),
    )
    .optional(),
  tolerations: z.array(z.looseObject({})).optional(),
  trafficPolicy: z.enum(['Local', 'Cluster']).optional(),
  vpc: z.string().optional(),
});
export const vpcEgressGateway = kubeObject(apiVersion, 'VpcEgressGateway', {
  spec: vpcEgressGatewaySpec,
  status,
});
export type VpcEgressGateway = z.infer<typeof vpcEgressGateway>;

export const SUBNET = defineKind({
  group: KUBEOVN_GROUP,
  kind: 'Subnet',
  plural: 'subnets',
  namespaced: false,
  versions: { v1: subnet },
});
export const IPPOOL = defineKind({
  group: KUBEOVN_GROUP,
  kind: 'IPPool',
  plural: 'ippools',
  namespaced: false,
  versions: { v1: ipPool },
});
export const IP = defineKind({
  group: KUBEOVN_GROUP,
  kind: 'IP',
  plural: 'ips',
  namespaced: false,
  versions: { v1: ip },
});
export const VLAN = defineKind({
  group: KUBEOVN_GROUP,
  kind: 'Vlan',
  plural: 'vlans',
  namespaced: false,
  versions: { v1: vlan },
});
export const PROVIDER_NETWORK = defineKind({
  group: KUBEOVN_GROUP,
  kind: 'ProviderNetwork',
  plural: 'provider-networks',
  namespaced: false,
  versions: { v1: providerNetwork },
});
export const VPC = defineKind({
  group: KUBEOVN_GROUP,
  kind: 'Vpc',
  plural: 'vpcs',
  namespaced: false,
  versions: { v1: vpc },
});
export const VPC_EGRESS_GATEWAY = defineKind({
  group: KUBEOVN_GROUP,
  kind: 'VpcEgressGateway',
  plural: 'vpc-egress-gateways',
  namespaced: true,
  versions: { v1: vpcEgressGateway },
});

export const kubeOvnDefinitions: readonly KindModel[] = [
  SUBNET,
  IPPOOL,
  IP,
  VLAN,
  PROVIDER_NETWORK,
  VPC,
  VPC_EGRESS_GATEWAY,
];
