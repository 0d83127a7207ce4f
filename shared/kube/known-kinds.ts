import type { KubeObject } from './object.js';
import { groupOf, versionOf } from './object.js';

/**
 * Every kind of the API groups whose kinds acpnet knows in full, as their CRDs (or, for built-in
 * groups, the API server) serve them. An object of such a group whose kind is not listed cannot be
 * applied: the API server answers "no matches for kind". Groups not listed here (the platform's
 * crd.alauda.io holds many more kinds than acpnet models, core v1 and apps hold built-in kinds acpnet
 * does not read) are not judged.
 */
export const KINDS_OF_GROUP: Readonly<Record<string, readonly string[]>> = {
  'gateway.networking.k8s.io': [
    'BackendTLSPolicy',
    'GRPCRoute',
    'Gateway',
    'GatewayClass',
    'HTTPRoute',
    'ListenerSet',
    'ReferenceGrant',
    'TCPRoute',
    'TLSRoute',
    'UDPRoute',
  ],
  'gateway.envoyproxy.io': [
    'Backend',
    'BackendTrafficPolicy',
    'ClientTrafficPolicy',
    'EnvoyExtensionPolicy',
    'EnvoyPatchPolicy',
    'EnvoyProxy',
    'HTTPRouteFilter',
    'SecurityPolicy',
  ],
  'metallb.io': [
    'BFDProfile',
    'BGPAdvertisement',
    'BGPPeer',
    'Community',
    'ConfigurationState',
    'IPAddressPool',
    'L2Advertisement',
    'ServiceBGPStatus',
    'ServiceL2Status',
  ],
  'kubeovn.io': [
    'IP',
    'IPPool',
    'IptablesDnatRule',
    'IptablesEIP',
    'IptablesFIPRule',
    'IptablesSnatRule',
    'OvnDnatRule',
    'OvnEip',
    'OvnFip',
    'OvnSnatRule',
    'ProviderNetwork',
    'QoSPolicy',
    'SecurityGroup',
    'Subnet',
    'SwitchLBRule',
    'Vip',
    'Vlan',
    'Vpc',
    'VpcDns',
    'VpcEgressGateway',
    'VpcNatGateway',
  ],
  'k8s.cni.cncf.io': ['NetworkAttachmentDefinition'],
  'networking.k8s.io': ['Ingress', 'IngressClass', 'IPAddress', 'NetworkPolicy', 'ServiceCIDR'],
  'route.openshift.io': ['Route'],
};

/**
 * Why an object's kind cannot exist, as the API server would say it, with the kind of the same
 * name in another case when there is one; undefined when the kind exists or its group is not judged.
 */
export function kindProblem(object: Pick<KubeObject, 'apiVersion' | 'kind'>): string | undefined {
  const kinds = KINDS_OF_GROUP[groupOf(object.apiVersion)];
  if (!kinds || kinds.includes(object.kind)) return undefined;
  const meant = kinds.find((kind) => kind.toLowerCase() === object.kind.toLowerCase());
  const hint = meant ? ` (kinds are case-sensitive: did you mean "${meant}"?)` : '';
  return `no matches for kind "${object.kind}" in version "${groupOf(object.apiVersion)}/${versionOf(object.apiVersion)}"${hint}`;
}
