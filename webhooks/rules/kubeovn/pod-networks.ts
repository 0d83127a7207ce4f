import { MULTUS_NETWORKS_ANNOTATION } from '../../../shared/kube/keys/kubeovn.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import { describeObject } from '../../../shared/kube/object.js';
import { IP } from '../../../shared/kube/schemas/kubeovn.js';
import { NETWORK_ATTACHMENT_DEFINITION, POD, type Pod } from '../../../shared/kube/schemas/workloads.js';
import { ipHeldBy } from '../../../shared/kubeovn/ip.js';
import {
  fixedIpAnnotations,
  macAddressAnnotations,
  type NicAnnotation,
  parseNetworksAnnotation,
} from '../../../shared/kubeovn/pod-annotations.js';
import { subnetAddressProblem } from '../../../shared/kubeovn/subnet-address.js';
import { type Address, familyName, formatAddress, parseAddress } from '../../../shared/net/address.js';
import { NetParseError } from '../../../shared/net/errors.js';
import { parseList } from '../../../shared/net/syntax.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { fixedIpKey, IP_ADDRESS_INDEX, POD_FIXED_IP_INDEX } from './indexes.js';
import { subnetFor } from './lib/pod-subnet.js';

const RULE = 'kubeovn/pod-networks';

const annotationField = (key: string) => `metadata.annotations[${JSON.stringify(key)}]`;

function checkNetworks(pod: Pod, view: ModelView): Finding[] {
  const value = pod.metadata.annotations?.[MULTUS_NETWORKS_ANNOTATION];
  if (!value) return [];
  const field = annotationField(MULTUS_NETWORKS_ANNOTATION);
  const parsed = parseNetworksAnnotation(value, pod.metadata.namespace ?? '');
  if (!parsed.ok) return [deny(RULE, field, parsed.problem, 'InvalidNetworks')];
  return parsed.refs
    .filter((ref) => !view.get(NETWORK_ATTACHMENT_DEFINITION, ref.namespace, ref.name))
    .map((ref) => {
      const other = `NetworkAttachmentDefinition ${ref.namespace}/${ref.name}`;
      return warn(RULE, field, `${other} does not exist (yet)`, 'AttachmentNotFound', other);
    });
}

function samePod(a: Pod, b: Pod): boolean {
  return a.metadata.namespace === b.metadata.namespace && a.metadata.name === b.metadata.name;
}

/** IP objects of `subnet` and other pods' fixed-IP annotations that already hold `address`. */
function takenBy(
  address: Address,
  provider: string,
  subnet: string,
  pod: Pod,
  view: ModelView,
): (IP | Pod)[] {
  const text = formatAddress(address.family, address.value);
  const ips = view
    .byIndex(IP, IP_ADDRESS_INDEX, text)
    .filter((ip) => ip.spec?.subnet === subnet && !ipHeldBy(ip, pod));
  const pods = view
    .byIndex(POD, POD_FIXED_IP_INDEX, fixedIpKey(provider, text))
    .filter((other) => !samePod(other, pod));
  return [...ips, ...pods];
}

function checkFixedIp(ctx: AdmissionContext<Pod>, { key, provider, value }: NicAnnotation): Finding[] {
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
  const subnetName = subnet.metadata.name ?? '';
  const out: Finding[] = [];
  for (const address of addresses) {
    const text = formatAddress(address.family, address.value);
    const problem = subnetAddressProblem(subnet, address);
    if (problem) {
      out.push(deny(RULE, field, problem.message, problem.reason, `Subnet ${subnetName}`));
      continue;
    }
    const holder = takenBy(address, provider, subnetName, pod, ctx.view)[0];
    if (holder) {
      out.push(
        deny(
          RULE,
          field,
          `${text} in Subnet ${subnetName} is already taken by ${describeObject(holder)}`,
          'AddressTaken',
          describeObject(holder),
        ),
      );
    }
  }
  return out;
}

/** Fixed-IP annotations that changed in this request (all of them on CREATE). */
function changedFixedIps(ctx: AdmissionContext<Pod>): NicAnnotation[] {
  const before = ctx.operation === 'UPDATE' ? (ctx.oldObject?.metadata.annotations ?? {}) : {};
  return fixedIpAnnotations(ctx.object).filter(({ key, value }) => value && before[key] !== value);
}

const macPattern = /^[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\1[0-9A-Fa-f]{2}){4}$/;

function checkMacs(pod: Pod): Finding[] {
  return macAddressAnnotations(pod)
    .filter(({ value }) => value && !macPattern.test(value))
    .map(({ key, value }) =>
      deny(RULE, annotationField(key), `${JSON.stringify(value)} is not a MAC address`, 'InvalidMAC'),
    );
}

/** The multus networks, fixed IPs and MACs a pod asks for. */
function check(ctx: AdmissionContext<Pod>): Finding[] {
  return [
    ...checkNetworks(ctx.object, ctx.view),
    ...checkMacs(ctx.object),
    ...changedFixedIps(ctx).flatMap((annotation) => checkFixedIp(ctx, annotation)),
  ];
}

export const podNetworksRule: ValidationRule<Pod> = {
  id: RULE,
  kinds: [POD],
  reasons: [
    'InvalidNetworks',
    'AttachmentNotFound',
    'InvalidIP',
    'SubnetNotFound',
    'OutsideSubnet',
    'UnusableAddress',
    'AddressTaken',
    'InvalidMAC',
  ],
  guide: '固定 IP',
  check,
};
