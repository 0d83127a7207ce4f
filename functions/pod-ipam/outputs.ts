import { ipClaimObject, subnetScope } from '../../shared/ipam/claims.js';
import { defaultGateway } from '../../shared/ipam/usable.js';
import {
  IP_NODE_NAME_LABEL,
  IP_RESERVED_LABEL,
  IP_SUBNET_LABEL,
  nicAnnotation,
} from '../../shared/kube/keys/kubeovn.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import { IP_CLAIM } from '../../shared/kube/schemas/acpnet.js';
import { type IP, type Subnet, VLAN } from '../../shared/kube/schemas/kubeovn.js';
import { isQualifiedName } from '../../shared/kube/schemas/meta.js';
import type { Pod } from '../../shared/kube/schemas/workloads.js';
import { statefulSetOwner } from '../../shared/kubeovn/statefulset.js';
import { subnetCidrs, subnetVpc } from '../../shared/kubeovn/subnet.js';
import { type Address, formatAddress } from '../../shared/net/address.js';
import type { Effect } from '../runtime/contract.js';
import type { Nic } from './nics.js';

/** Where one NIC's addresses come from and what they are. */
export interface NicAddresses {
  nic: Nic;
  subnet: string;
  /** One per family, IPv4 first. */
  addresses: Address[];
  mac: string | undefined;
  /** The addresses are a reservation's (a VpcEgressGateway's) that this Pod uses: no claim of its own. */
  reserved: boolean;
}

/** kube-ovn isOvnSubnet: a Subnet of kube-ovn NICs (its provider is ovn or `<nad>.<ns>.ovn`). */
export function isOvnSubnet(subnet: Subnet): boolean {
  const provider = subnet.spec?.provider ?? '';
  return provider === '' || provider === 'ovn' || provider.endsWith('.ovn');
}

export function addressText(addresses: readonly Address[]): string {
  return [...addresses]
    .sort((a, b) => a.family - b.family)
    .map((a) => formatAddress(a.family, a.value))
    .join(',');
}

function gatewayOf(subnet: Subnet): string {
  if (subnet.spec?.gateway) return subnet.spec.gateway;
  return subnetCidrs(subnet)
    .map((cidr) => formatAddress(cidr.family, defaultGateway(cidr)))
    .join(',');
}

/** The annotations kube-ovn-controller writes for a NIC it allocated (reconcileAllocateSubnets). */
export function nicAnnotations(
  pod: Pod,
  result: NicAddresses,
  subnet: Subnet,
  view: ModelView,
): Record<string, string> {
  const { nic } = result;
  const key = (name: Parameters<typeof nicAnnotation>[1]) => nicAnnotation(nic.provider, name);
  const out: Record<string, string> = {
    [key('ip_address')]: addressText(result.addresses),
    [key('cidr')]: subnet.spec?.cidrBlock ?? '',
    [key('gateway')]: gatewayOf(subnet),
    [key('allocated')]: 'true',
  };
  if (isOvnSubnet(subnet)) {
    if (result.mac) out[key('mac_address')] = result.mac;
    out[key('logical_switch')] = subnet.metadata.name ?? '';
    out[key('pod_nic_type')] = pod.metadata.annotations?.[key('pod_nic_type')] || 'veth-pair';
  }
  if (nic.ovn) {
    const spec = subnet.spec;
    if (!spec?.vlan || spec.logicalGateway || spec.u2oInterconnection)
      out[key('logical_router')] = subnetVpc(subnet);
    const vlan = spec?.vlan ? view.get(VLAN, '', spec.vlan) : undefined;
    if (vlan) {
      out[key('vlan_id')] = String(vlan.spec?.id ?? vlan.spec?.vlanId ?? 0);
      out[key('provider_network')] = vlan.spec?.provider ?? '';
    }
  }
  return out;
}

/** The annotations this function keeps of a NIC allocated before: their values as the Pod has them. */
export function keptAnnotations(pod: Pod, provider: string): Record<string, string> {
  const names = [
    'ip_address',
    'mac_address',
    'cidr',
    'gateway',
    'logical_switch',
    'pod_nic_type',
    'allocated',
    'logical_router',
    'vlan_id',
    'provider_network',
  ] as const;
  const out: Record<string, string> = {};
  for (const name of names) {
    const key = nicAnnotation(provider, name);
    const value = pod.metadata.annotations?.[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * Server-side apply of every NIC's annotations (all of them each time: an apply drops what this
 * field manager no longer sends); the uid makes it fail, not create, once the Pod is gone. A
 * `resourceVersion` makes it fail when the Pod moved on since it was read (see planAllocation).
 */
export function podAnnotationsEffect(
  pod: Pod,
  annotations: Record<string, string>,
  resourceVersion?: string,
): Effect {
  return {
    op: 'apply',
    object: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: pod.metadata.name,
        namespace: pod.metadata.namespace,
        ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}),
        ...(resourceVersion ? { resourceVersion } : {}),
        annotations,
      },
    },
    // With the IP objects and statuses after it: none of them needs another written first.
    concurrent: true,
  };
}

/** The IP object kube-ovn-controller keeps per NIC (createOrUpdateIPCR), without its finalizer. */
export function ipObject(pod: Pod, result: NicAddresses): IP {
  const subnet = result.subnet;
  const node = pod.spec?.nodeName ?? '';
  const v4 = result.addresses.find((a) => a.family === 4);
  const v6 = result.addresses.find((a) => a.family === 6);
  const labels: Record<string, string> = { [IP_SUBNET_LABEL]: subnet, [IP_RESERVED_LABEL]: 'false' };
  if (node.length <= 63) labels[IP_NODE_NAME_LABEL] = node;
  if (isQualifiedName(subnet)) labels[subnet] = '';
  return {
    apiVersion: 'kubeovn.io/v1',
    kind: 'IP',
    metadata: { name: result.nic.owner, labels },
    spec: {
      podName: pod.metadata.name ?? '',
      namespace: pod.metadata.namespace ?? '',
      subnet,
      nodeName: node,
      ipAddress: addressText(result.addresses),
      v4IpAddress: v4 ? formatAddress(4, v4.value) : '',
      v6IpAddress: v6 ? formatAddress(6, v6.value) : '',
      macAddress: result.mac ?? '',
      attachIps: [],
      attachMacs: [],
      attachSubnets: [],
      podType: statefulSetOwner(pod) ? 'StatefulSet' : '',
    },
  };
}

/** Claims of `addresses` for `owner` in `subnet`, left out where the store shows the claim already made. */
export function claimEffects(
  view: ModelView,
  subnet: string,
  addresses: readonly Address[],
  owner: string,
): Effect[] {
  const effects: Effect[] = [];
  for (const address of addresses) {
    const object = ipClaimObject({
      scope: subnetScope(subnet),
      scopeName: subnet,
      family: address.family,
      address: address.value,
      owner,
    });
    const stored = view.get(IP_CLAIM, '', object.metadata.name ?? '');
    if (stored?.spec.owner === owner && stored.spec.scope === object.spec.scope) continue;
    effects.push({ op: 'createIfAbsent', object, claim: true });
  }
  return effects;
}
