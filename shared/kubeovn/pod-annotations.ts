import { isPlainObject } from '../kube/json-value.js';
import { POD_IP_ANNOTATION, POD_SUBNET_ANNOTATION } from '../kube/keys/kubeovn.js';
import type { Pod } from '../kube/schemas/workloads.js';

/**
 * Kube-OVN's per-NIC pod annotations are `<provider>.kubernetes.io/<name>`: the provider is `ovn`
 * for the primary NIC and a NetworkAttachmentDefinition's provider for the others.
 */
const FIXED_IP_KEY = /^(.+)\.kubernetes\.io\/ip_address$/;
const MAC_ADDRESS_KEY = /^(.+)\.kubernetes\.io\/mac_address$/;

/** One per-NIC annotation of a pod: its key, the provider it names and its value. */
export interface NicAnnotation {
  key: string;
  provider: string;
  value: string;
}

function nicAnnotations(pod: Pod, pattern: RegExp): NicAnnotation[] {
  const out: NicAnnotation[] = [];
  for (const [key, value] of Object.entries(pod.metadata.annotations ?? {})) {
    const provider = pattern.exec(key)?.[1];
    if (provider) out.push({ key, provider, value });
  }
  return out;
}

/** The fixed addresses asked for, one annotation per NIC (`<provider>.kubernetes.io/ip_address`). */
export function fixedIpAnnotations(pod: Pod): NicAnnotation[] {
  return nicAnnotations(pod, FIXED_IP_KEY);
}

/** The fixed MAC addresses asked for (`<provider>.kubernetes.io/mac_address`). */
export function macAddressAnnotations(pod: Pod): NicAnnotation[] {
  return nicAnnotations(pod, MAC_ADDRESS_KEY);
}

/** The Subnet a pod names for the NIC of `provider`, when it names one. */
export function requestedSubnet(pod: Pod, provider: string): string | undefined {
  return pod.metadata.annotations?.[`${provider}.kubernetes.io/logical_switch`] || undefined;
}

/** The subnet a pod's Kube-OVN address was allocated from, when it has one. */
export function podAllocatedSubnet(pod: Pod): string | undefined {
  const annotations = pod.metadata.annotations ?? {};
  if (!annotations[POD_IP_ANNOTATION]) return undefined;
  return annotations[POD_SUBNET_ANNOTATION] || undefined;
}

/** A NetworkAttachmentDefinition a pod attaches to. */
export interface NetworkRef {
  namespace: string;
  name: string;
}

export type ParsedNetworks = { ok: true; refs: NetworkRef[] } | { ok: false; problem: string };

function parseJsonNetworks(text: string, podNamespace: string): ParsedNetworks {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problem: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!Array.isArray(parsed)) return { ok: false, problem: 'expected a JSON list of networks' };
  const refs: NetworkRef[] = [];
  for (const [i, item] of parsed.entries()) {
    const name = isPlainObject(item) ? item['name'] : undefined;
    const namespace = isPlainObject(item) ? item['namespace'] : undefined;
    if (typeof name !== 'string' || !name) return { ok: false, problem: `entry ${i} has no "name"` };
    refs.push({ name, namespace: typeof namespace === 'string' && namespace ? namespace : podNamespace });
  }
  return { ok: true, refs };
}

/** Multus' two forms of the networks annotation: `[ns/]name[@iface],...` or a JSON list of {name, namespace}. */
export function parseNetworksAnnotation(value: string, podNamespace: string): ParsedNetworks {
  const text = value.trim();
  if (text.startsWith('[')) return parseJsonNetworks(text, podNamespace);
  const refs = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry): NetworkRef => {
      const [ref = ''] = entry.split('@');
      const slash = ref.indexOf('/');
      return slash < 0
        ? { namespace: podNamespace, name: ref }
        : { namespace: ref.slice(0, slash), name: ref.slice(slash + 1) };
    });
  return { ok: true, refs };
}

const IP_POOL_KEY = /^(.+)\.kubernetes\.io\/ip_pool$/;

/** The ip_pool annotations of a pod, one per NIC (`<provider>.kubernetes.io/ip_pool`). */
export function ipPoolAnnotations(pod: Pod): NicAnnotation[] {
  return nicAnnotations(pod, IP_POOL_KEY);
}

/**
 * Kube-OVN's reading of an ip_pool annotation (pkg/controller/pod.go): one entry that is not an
 * address names an IPPool; otherwise a list of fixed addresses, separated by `;` (each may be `v4,v6`)
 * or by `,` (where exactly two addresses of different families are one dual-stack entry).
 */
export type IpPoolRequest = { kind: 'pool'; name: string } | { kind: 'addresses'; entries: string[] };

export function parseIpPool(value: string): IpPoolRequest {
  const isAddress = (text: string) =>
    /^[0-9a-fA-F:.]+$/.test(text) && (text.includes('.') || text.includes(':'));
  let entries = value.includes(';') ? value.split(';') : value.split(',');
  entries = entries.map((entry) => entry.trim());
  if (
    !value.includes(';') &&
    entries.length === 2 &&
    entries[0]!.includes(':') !== entries[1]!.includes(':')
  ) {
    entries = [value.trim()];
  }
  if (entries.length === 1 && !entries[0]!.includes(',') && !isAddress(entries[0]!)) {
    return { kind: 'pool', name: entries[0]! };
  }
  return { kind: 'addresses', entries };
}
