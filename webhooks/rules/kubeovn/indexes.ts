import { POD_IP_ANNOTATION, POD_SUBNET_ANNOTATION } from '../../../shared/kube/keys/kubeovn.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { IP, IPPOOL, SUBNET, VLAN } from '../../../shared/kube/schemas/kubeovn.js';
import { NODE, POD } from '../../../shared/kube/schemas/workloads.js';
import {
  objectField,
  objectList,
  specOf,
  stringField,
  stringList,
} from '../../../shared/kube/spec-fields.js';
import type { EqualityIndexSpec, RangeIndexSpec } from '../../../shared/kube/store.js';
import { subnetCidrIndex } from '../../../shared/kubeovn/indexes.js';
import { subnetRanges, subnetVpc } from '../../../shared/kubeovn/subnet.js';
import { formatAddress, tryParseAddress } from '../../../shared/net/address.js';
import { NetParseError } from '../../../shared/net/errors.js';
import type { IPRange } from '../../../shared/net/range.js';
import { singleAddressRange } from '../../../shared/net/ranges.js';
import { parseIpCidrOrKubeOvnRange } from '../../../shared/net/syntax.js';

export { SUBNET_CIDR_INDEX } from '../../../shared/kubeovn/indexes.js';
export const IPPOOL_IPS_INDEX = 'ips';
export const NODE_INTERNAL_IP_INDEX = 'internal-ip';
export const BY_SUBNET_INDEX = 'subnet';
export const SUBNET_NAMESPACE_INDEX = 'namespace';
export const VLAN_PROVIDER_INDEX = 'provider';
export const SUBNET_DEFAULT_INDEX = 'default';
export const SUBNET_VPC_INDEX = 'vpc';
export const SUBNET_PROVIDER_INDEX = 'provider';
export const IP_ADDRESS_INDEX = 'address';
export const POD_FIXED_IP_INDEX = 'fixed-ip';

/** The ranges of an IPPool's `ips` that parse; bad entries are the ippool rule's business. */
export function ipPoolRanges(obj: KubeObject): IPRange[] {
  const out: IPRange[] = [];
  for (const entry of stringList(specOf(obj), 'ips')) {
    try {
      out.push(parseIpCidrOrKubeOvnRange(entry));
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
    }
  }
  return out;
}

export function nodeInternalIps(obj: KubeObject): IPRange[] {
  const status = objectField(obj as Record<string, unknown>, 'status') ?? {};
  const out: IPRange[] = [];
  for (const address of objectList(status, 'addresses')) {
    if (address['type'] !== 'InternalIP') continue;
    const parsed = tryParseAddress(stringField(address, 'address') ?? '');
    if (parsed) out.push(singleAddressRange(parsed));
  }
  return out;
}

/** The subnet a pod's Kube-OVN address was allocated from, when it has one. */
export function podAllocatedSubnet(obj: KubeObject): string | undefined {
  const annotations = obj.metadata.annotations ?? {};
  if (!annotations[POD_IP_ANNOTATION]) return undefined;
  return annotations[POD_SUBNET_ANNOTATION] || undefined;
}

/** Canonical text of each address in a comma-separated list; unparseable entries are skipped. */
function canonicalAddresses(text: string | undefined): string[] {
  const out: string[] = [];
  for (const part of (text ?? '').split(',')) {
    const address = tryParseAddress(part.trim());
    if (address) out.push(formatAddress(address.family, address.value));
  }
  return out;
}

function ipObjectAddresses(obj: KubeObject): string[] {
  const spec = specOf(obj);
  const all = ['ipAddress', 'v4IpAddress', 'v6IpAddress'].flatMap((key) =>
    canonicalAddresses(stringField(spec, key)),
  );
  return [...new Set(all)];
}

/** `<provider>|<address>` for each fixed-IP annotation of a pod (provider `ovn` for the primary NIC). */
function podFixedIps(obj: KubeObject): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(obj.metadata.annotations ?? {})) {
    const match = /^(.+)\.kubernetes\.io\/ip_address$/.exec(key);
    if (match?.[1]) for (const address of canonicalAddresses(value)) out.push(`${match[1]}|${address}`);
  }
  return out;
}

export const kubeovnRangeIndexes: readonly RangeIndexSpec[] = [
  subnetCidrIndex,
  { kind: IPPOOL.groupKind, name: IPPOOL_IPS_INDEX, ranges: ipPoolRanges },
  { kind: NODE.groupKind, name: NODE_INTERNAL_IP_INDEX, ranges: nodeInternalIps },
];

const specString = (key: string) => (obj: KubeObject) => {
  const value = stringField(specOf(obj), key);
  return value ? [value] : [];
};

export const kubeovnEqualityIndexes: readonly EqualityIndexSpec[] = [
  { kind: IP.groupKind, name: BY_SUBNET_INDEX, keys: specString('subnet') },
  { kind: IPPOOL.groupKind, name: BY_SUBNET_INDEX, keys: specString('subnet') },
  {
    kind: POD.groupKind,
    name: BY_SUBNET_INDEX,
    keys: (obj) => {
      const subnet = podAllocatedSubnet(obj);
      return subnet ? [subnet] : [];
    },
  },
  {
    kind: SUBNET.groupKind,
    name: SUBNET_NAMESPACE_INDEX,
    keys: (obj) => stringList(specOf(obj), 'namespaces'),
  },
  { kind: VLAN.groupKind, name: VLAN_PROVIDER_INDEX, keys: specString('provider') },
  {
    kind: SUBNET.groupKind,
    name: SUBNET_DEFAULT_INDEX,
    keys: (obj) => (specOf(obj)['default'] === true ? ['true'] : []),
  },
  { kind: SUBNET.groupKind, name: SUBNET_PROVIDER_INDEX, keys: specString('provider') },
  { kind: SUBNET.groupKind, name: SUBNET_VPC_INDEX, keys: (obj) => [subnetVpc(obj)] },
  { kind: IP.groupKind, name: IP_ADDRESS_INDEX, keys: ipObjectAddresses },
  { kind: POD.groupKind, name: POD_FIXED_IP_INDEX, keys: podFixedIps },
];
