import { nicAnnotation, POD_SUBNET_ANNOTATION } from '../../shared/kube/keys/kubeovn.js';
import type { IPClaim } from '../../shared/kube/schemas/acpnet.js';
import type { IP } from '../../shared/kube/schemas/kubeovn.js';
import type { Pod } from '../../shared/kube/schemas/workloads.js';
import { portName } from '../../shared/kubeovn/port-name.js';
import { statefulSetOwner } from '../../shared/kubeovn/statefulset.js';
import { type Family, tryParseAddress } from '../../shared/net/address.js';
import { isTerminal, usesHostNetwork } from './pod-state.js';

/** One address of a Subnet held by one owner, as the store records it. */
export interface Holding {
  subnet: string;
  family: Family;
  address: bigint;
  owner: string;
  mac?: string;
}

const SUBNET_SCOPE = /^Subnet\/(.+)$/;

export function claimHolding(claim: IPClaim): Holding | undefined {
  const subnet = SUBNET_SCOPE.exec(claim.spec.scope)?.[1];
  const address = tryParseAddress(claim.spec.address);
  if (!subnet || !address) return undefined;
  return { subnet, family: address.family, address: address.value, owner: claim.spec.owner };
}

function addressesOf(text: string | undefined): { family: Family; value: bigint }[] {
  const out = new Map<Family, bigint>();
  for (const part of (text ?? '').split(',')) {
    const address = tryParseAddress(part.trim());
    if (address && !out.has(address.family)) out.set(address.family, address.value);
  }
  return [...out].map(([family, value]) => ({ family, value }));
}

/** The addresses a Kube-OVN IP object records, held by the NIC it is named after. */
export function ipObjectHoldings(ip: IP): Holding[] {
  const spec = ip.spec;
  const subnet = spec?.subnet;
  const owner = ip.metadata.name;
  if (!subnet || !owner) return [];
  const text = [spec.v4IpAddress, spec.v6IpAddress, spec.ipAddress].filter(Boolean).join(',');
  const mac = spec.macAddress || undefined;
  return addressesOf(text).map(({ family, value }) => ({ subnet, family, address: value, owner, mac }));
}

/**
 * The addresses a Pod's annotations say it was allocated (`<provider>.kubernetes.io/allocated`),
 * per NIC; `subnetOfProvider` finds the Subnet of a NIC without a logical_switch annotation (Kube-OVN
 * IPAM under another plugin). A Pod that no longer holds addresses (host network, or finished and
 * not a StatefulSet's) has none.
 */
export function podHoldings(pod: Pod, subnetOfProvider: (provider: string) => string | undefined): Holding[] {
  if (usesHostNetwork(pod) || (isTerminal(pod) && !statefulSetOwner(pod))) return [];
  const annotations = pod.metadata.annotations ?? {};
  const out: Holding[] = [];
  for (const [key, value] of Object.entries(annotations)) {
    if (value !== 'true' || !key.endsWith('.kubernetes.io/allocated')) continue;
    const provider = key.slice(0, -'.kubernetes.io/allocated'.length);
    const subnet =
      (provider === 'ovn' ? annotations[POD_SUBNET_ANNOTATION] : undefined) ||
      annotations[nicAnnotation(provider, 'logical_switch')] ||
      subnetOfProvider(provider);
    if (!subnet) continue;
    const owner = portName(pod.metadata.name ?? '', pod.metadata.namespace ?? '', provider);
    const mac = annotations[nicAnnotation(provider, 'mac_address')] || undefined;
    for (const { family, value } of addressesOf(annotations[nicAnnotation(provider, 'ip_address')])) {
      out.push({ subnet, family, address: value, owner, mac });
    }
  }
  return out;
}
