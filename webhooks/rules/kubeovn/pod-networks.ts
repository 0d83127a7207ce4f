import type { ModelView } from '../../../shared/kube/model/model-view.js';
import { describeObject, type KubeObject } from '../../../shared/kube/object.js';
import { IP, SUBNET } from '../../../shared/kube/schemas/kubeovn.js';
import { NETWORK_ATTACHMENT_DEFINITION, POD } from '../../../shared/kube/schemas/workloads.js';
import { nameOf, specOf, stringField } from '../../../shared/kube/spec-fields.js';
import { subnetCidrs } from '../../../shared/kubeovn/subnet.js';
import { type Address, familyName, formatAddress, parseAddress } from '../../../shared/net/address.js';
import { cidrRange, formatCidr } from '../../../shared/net/cidr.js';
import { NetParseError } from '../../../shared/net/errors.js';
import { rangeContainsAddress } from '../../../shared/net/ranges.js';
import { parseList } from '../../../shared/net/syntax.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import {
  IP_ADDRESS_INDEX,
  POD_FIXED_IP_INDEX,
  SUBNET_DEFAULT_INDEX,
  SUBNET_NAMESPACE_INDEX,
  SUBNET_PROVIDER_INDEX,
} from './indexes.js';

const RULE = 'kubeovn/pod-networks';
export const NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';
const FIXED_IP_KEY = /^(.+)\.kubernetes\.io\/ip_address$/;

const annotationField = (key: string) => `metadata.annotations[${JSON.stringify(key)}]`;

interface NetworkRef {
  namespace: string;
  name: string;
}

/** Multus' two forms: `[ns/]name[@iface],...` or a JSON list of {name, namespace}. */
function parseNetworks(value: string, podNamespace: string): NetworkRef[] | string {
  const text = value.trim();
  if (text.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return `not valid JSON: ${(error as Error).message}`;
    }
    if (!Array.isArray(parsed)) return 'expected a JSON list of networks';
    const refs: NetworkRef[] = [];
    for (const [i, item] of parsed.entries()) {
      const name = item && typeof item === 'object' ? (item as Record<string, unknown>)['name'] : undefined;
      if (typeof name !== 'string' || !name) return `entry ${i} has no "name"`;
      const namespace = (item as Record<string, unknown>)['namespace'];
      refs.push({ name, namespace: typeof namespace === 'string' && namespace ? namespace : podNamespace });
    }
    return refs;
  }
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [ref = ''] = entry.split('@');
      const slash = ref.indexOf('/');
      return slash < 0
        ? { namespace: podNamespace, name: ref }
        : { namespace: ref.slice(0, slash), name: ref.slice(slash + 1) };
    });
}

function checkNetworks(pod: KubeObject, view: ModelView): Finding[] {
  const value = pod.metadata.annotations?.[NETWORKS_ANNOTATION];
  if (!value) return [];
  const field = annotationField(NETWORKS_ANNOTATION);
  const refs = parseNetworks(value, pod.metadata.namespace ?? '');
  if (typeof refs === 'string') return [deny(RULE, field, refs, 'InvalidNetworks')];
  return refs
    .filter((ref) => !view.get(NETWORK_ATTACHMENT_DEFINITION, ref.namespace, ref.name))
    .map((ref) => {
      const other = `NetworkAttachmentDefinition ${ref.namespace}/${ref.name}`;
      return warn(RULE, field, `${other} does not exist (yet)`, 'AttachmentNotFound', other);
    });
}

/** The subnet an address for `provider` comes from: explicit, namespace-bound or default (primary). */
function subnetFor(pod: KubeObject, provider: string, view: ModelView): KubeObject | undefined {
  const explicit = pod.metadata.annotations?.[`${provider}.kubernetes.io/logical_switch`];
  if (explicit) return view.get(SUBNET, '', explicit);
  if (provider !== 'ovn') return view.byIndex(SUBNET, SUBNET_PROVIDER_INDEX, provider)[0];
  const bound = view.byIndex(SUBNET, SUBNET_NAMESPACE_INDEX, pod.metadata.namespace ?? '')[0];
  return bound ?? view.byIndex(SUBNET, SUBNET_DEFAULT_INDEX, 'true')[0];
}

function ownedBy(holder: KubeObject, pod: KubeObject): boolean {
  if (holder.kind === 'Pod') {
    return holder.metadata.namespace === pod.metadata.namespace && holder.metadata.name === pod.metadata.name;
  }
  const spec = specOf(holder);
  return (
    stringField(spec, 'podName') === pod.metadata.name &&
    stringField(spec, 'namespace') === pod.metadata.namespace
  );
}

function takenBy(
  address: Address,
  provider: string,
  subnet: string,
  pod: KubeObject,
  view: ModelView,
): KubeObject[] {
  const text = formatAddress(address.family, address.value);
  const ips = view
    .byIndex(IP, IP_ADDRESS_INDEX, text)
    .filter((ip) => stringField(specOf(ip), 'subnet') === subnet && !ownedBy(ip, pod));
  const pods = view.byIndex(POD, POD_FIXED_IP_INDEX, `${provider}|${text}`).filter((p) => !ownedBy(p, pod));
  return [...ips, ...pods];
}

function checkFixedIp(ctx: AdmissionContext, key: string, provider: string, value: string): Finding[] {
  const field = annotationField(key);
  let addresses: Address[];
  try {
    addresses = parseList(value, parseAddress);
  } catch (error) {
    if (!(error instanceof NetParseError)) throw error;
    return [deny(RULE, field, `${JSON.stringify(error.token)}: ${error.reason}`, 'InvalidIP')];
  }
  const families = addresses.map((a) => a.family);
  if (new Set(families).size !== families.length) {
    return [
      deny(RULE, field, `${value}: at most one address per family (${families.map(familyName).join(', ')})`),
    ];
  }
  if (/[A-F]/.test(value)) return [deny(RULE, field, `${value}: write IPv6 addresses in lower case`)];
  const pod = ctx.object;
  const subnet = subnetFor(pod, provider, ctx.view);
  if (!subnet) {
    return [
      warn(
        RULE,
        field,
        `no Subnet found for provider ${provider}; the address cannot be checked`,
        'SubnetNotFound',
      ),
    ];
  }
  const out: Finding[] = [];
  const cidrs = subnetCidrs(subnet);
  for (const address of addresses) {
    const text = formatAddress(address.family, address.value);
    const cidr = cidrs.find((c) => c.family === address.family);
    if (!cidr || !rangeContainsAddress(cidrRange(cidr), address)) {
      const inside = cidr ? formatCidr(cidr) : `no ${familyName(address.family)} CIDR`;
      out.push(
        deny(
          RULE,
          field,
          `${text} is not inside Subnet ${nameOf(subnet)} (${inside})`,
          'OutsideSubnet',
          `Subnet ${nameOf(subnet)}`,
        ),
      );
      continue;
    }
    const holders = takenBy(address, provider, nameOf(subnet), pod, ctx.view);
    if (holders[0]) {
      out.push(
        deny(
          RULE,
          field,
          `${text} in Subnet ${nameOf(subnet)} is already taken by ${describeObject(holders[0])}`,
          'AddressTaken',
          describeObject(holders[0]),
        ),
      );
    }
  }
  return out;
}

/** Fixed-IP annotations that changed in this request (all of them on CREATE). */
function changedFixedIps(ctx: AdmissionContext): [string, string, string][] {
  const now = ctx.object.metadata.annotations ?? {};
  const before = ctx.operation === 'UPDATE' ? (ctx.oldObject?.metadata.annotations ?? {}) : {};
  const out: [string, string, string][] = [];
  for (const [key, value] of Object.entries(now)) {
    const match = FIXED_IP_KEY.exec(key);
    if (match?.[1] && value && before[key] !== value) out.push([key, match[1], value]);
  }
  return out;
}

const MAC_KEY = /^(.+)\.kubernetes\.io\/mac_address$/;
const macPattern = /^[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\1[0-9A-Fa-f]{2}){4}$/;

function checkMacs(pod: KubeObject): Finding[] {
  return Object.entries(pod.metadata.annotations ?? {})
    .filter(([key, value]) => MAC_KEY.test(key) && value && !macPattern.test(value))
    .map(([key, value]) =>
      deny(RULE, annotationField(key), `${JSON.stringify(value)} is not a MAC address`, 'InvalidMAC'),
    );
}

function check(ctx: AdmissionContext): Finding[] {
  const out = [...checkNetworks(ctx.object, ctx.view), ...checkMacs(ctx.object)];
  for (const [key, provider, value] of changedFixedIps(ctx))
    out.push(...checkFixedIp(ctx, key, provider, value));
  return out;
}

export const podNetworksRule: ValidationRule = { id: RULE, kinds: [POD], check };
