import type { KubeObject } from '../../../shared/kube/object.js';
import type { EqualityIndexSpec, RangeIndexSpec } from '../../../shared/kube/store.js';
import { tryParseAddress } from '../../../shared/net/address.js';
import { NetParseError } from '../../../shared/net/errors.js';
import type { IPRange } from '../../../shared/net/range.js';
import { singleAddressRange } from '../../../shared/net/ranges.js';
import { parseIpCidrOrKubeOvnRange } from '../../../shared/net/syntax.js';
import { IP, IPPOOL, NODE, POD, POD_IP_ANNOTATION, POD_SUBNET_ANNOTATION, SUBNET, VLAN } from './kinds.js';
import { objectField, objectList, specOf, stringField, stringList } from './read.js';
import { subnetRanges } from './subnet-model.js';

export const SUBNET_CIDR_INDEX = 'cidr';
export const IPPOOL_IPS_INDEX = 'ips';
export const NODE_INTERNAL_IP_INDEX = 'internal-ip';
export const BY_SUBNET_INDEX = 'subnet';
export const SUBNET_NAMESPACE_INDEX = 'namespace';
export const VLAN_PROVIDER_INDEX = 'provider';

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

export const ipamRangeIndexes: readonly RangeIndexSpec[] = [
  { kind: SUBNET, name: SUBNET_CIDR_INDEX, ranges: subnetRanges },
  { kind: IPPOOL, name: IPPOOL_IPS_INDEX, ranges: ipPoolRanges },
  { kind: NODE, name: NODE_INTERNAL_IP_INDEX, ranges: nodeInternalIps },
];

const specString = (key: string) => (obj: KubeObject) => {
  const value = stringField(specOf(obj), key);
  return value ? [value] : [];
};

export const ipamEqualityIndexes: readonly EqualityIndexSpec[] = [
  { kind: IP, name: BY_SUBNET_INDEX, keys: specString('subnet') },
  { kind: IPPOOL, name: BY_SUBNET_INDEX, keys: specString('subnet') },
  {
    kind: POD,
    name: BY_SUBNET_INDEX,
    keys: (obj) => {
      const subnet = podAllocatedSubnet(obj);
      return subnet ? [subnet] : [];
    },
  },
  { kind: SUBNET, name: SUBNET_NAMESPACE_INDEX, keys: (obj) => stringList(specOf(obj), 'namespaces') },
  { kind: VLAN, name: VLAN_PROVIDER_INDEX, keys: specString('provider') },
];
