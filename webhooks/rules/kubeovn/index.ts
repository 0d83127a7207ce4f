import { CONFIG_MAP } from '../../../shared/kube/schemas/core.js';
import { IP, IPPOOL, PROVIDER_NETWORK, SUBNET, VLAN, VPC } from '../../../shared/kube/schemas/kubeovn.js';
import { NETWORK_ATTACHMENT_DEFINITION, NODE, POD } from '../../../shared/kube/schemas/workloads.js';
import type { RuleFamily } from '../types.js';
import { calicoBlockSizeMutator } from './calico-block-size.js';
import { kubeovnEqualityIndexes, kubeovnRangeIndexes } from './indexes.js';
import { interconnectConfigRule } from './interconnect-config.js';
import { interconnectConfigEditRule } from './interconnect-config-edit.js';
import { ipPoolRule } from './ippool.js';
import { networkAttachmentRule } from './network-attachment.js';
import { podIpPoolRule } from './pod-ip-pool.js';
import { podNetworksRule } from './pod-networks.js';
import { providerNetworkRule } from './provider-network.js';
import { subnetAddressingRule } from './subnet-addressing.js';
import { subnetCalicoRule } from './subnet-calico.js';
import { subnetCidrOrderMutator } from './subnet-cidr-order.js';
import { subnetConsistencyRule } from './subnet-consistency.js';
import { subnetGatewaySettingsRule } from './subnet-gateway-settings.js';
import { subnetLifecycleRule } from './subnet-lifecycle.js';
import { subnetOptionsRule } from './subnet-options.js';
import { subnetOverlapsRule } from './subnet-overlaps.js';
import { subnetProtocolMutator } from './subnet-protocol.js';
import { vlanRule } from './vlan.js';
import { vpcBfdPortRule } from './vpc-bfd-port.js';
import { vpcEgressGatewayRule } from './vpc-egress-gateway.js';
import { vpcLifecycleRule } from './vpc-lifecycle.js';
import { vpcRoutesRule } from './vpc-routes.js';

/**
 * Kube-OVN and Calico networking: Subnet, IPPool, Vlan, ProviderNetwork, Vpc, VpcEgressGateway,
 * NetworkAttachmentDefinition, the network annotations of Pods, and the interconnect's
 * kube-system/ovn-ic-config.
 */
export const kubeovnFamily: RuleFamily = {
  name: 'kubeovn',
  rules: [
    subnetAddressingRule,
    subnetCalicoRule,
    subnetConsistencyRule,
    subnetOverlapsRule,
    subnetGatewaySettingsRule,
    subnetOptionsRule,
    subnetLifecycleRule,
    ipPoolRule,
    vlanRule,
    providerNetworkRule,
    vpcBfdPortRule,
    vpcRoutesRule,
    vpcLifecycleRule,
    vpcEgressGatewayRule,
    networkAttachmentRule,
    podNetworksRule,
    podIpPoolRule,
    interconnectConfigRule,
    interconnectConfigEditRule,
  ],
  mutators: [subnetCidrOrderMutator, subnetProtocolMutator, calicoBlockSizeMutator],
  equalityIndexes: kubeovnEqualityIndexes,
  rangeIndexes: kubeovnRangeIndexes,
  reads: [
    SUBNET,
    IPPOOL,
    IP,
    VLAN,
    PROVIDER_NETWORK,
    VPC,
    NODE,
    POD,
    CONFIG_MAP,
    NETWORK_ATTACHMENT_DEFINITION,
  ],
};
