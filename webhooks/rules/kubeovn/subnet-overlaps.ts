import {
  DEFAULT_VPC,
  IC_CIDRS_NAME,
  IC_CONFIG_NAME,
  IC_CONFIG_NAMESPACE,
} from '../../../shared/kube/keys/kubeovn.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { CONFIG_MAP } from '../../../shared/kube/schemas/core.js';
import { SUBNET } from '../../../shared/kube/schemas/kubeovn.js';
import { NODE } from '../../../shared/kube/schemas/workloads.js';
import { nameOf } from '../../../shared/kube/spec-fields.js';
import { subnetCidrs, subnetVlan, subnetVpc } from '../../../shared/kubeovn/subnet.js';
import { type Cidr, cidrRange, formatCidr, parseCidr } from '../../../shared/net/cidr.js';
import { NetParseError } from '../../../shared/net/errors.js';
import type { IPRange } from '../../../shared/net/range.js';
import { formatRange, rangeIntersection, rangesOverlap } from '../../../shared/net/ranges.js';
import { parseList } from '../../../shared/net/syntax.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { NODE_INTERNAL_IP_INDEX, SUBNET_CIDR_INDEX } from './indexes.js';

const RULE = 'kubeovn/subnet-overlaps';
const FIELD = 'spec.cidrBlock';

function sharedPart(a: IPRange, b: IPRange): string {
  const both = rangeIntersection(a, b);
  return both ? formatRange(both) : '';
}

/**
 * Subnets clash when they share a VPC and a VLAN (overlay subnets have none), as Kube-OVN's own
 * CIDR conflict check decides: an underlay subnet is separated from other VLANs and from overlay.
 */
function sameAddressSpace(a: KubeObject, b: KubeObject): boolean {
  return subnetVpc(a) === subnetVpc(b) && subnetVlan(a) === subnetVlan(b);
}

function subnetConflicts(subnet: KubeObject, cidr: Cidr, view: ModelView): Finding[] {
  const range = cidrRange(cidr);
  const out: Finding[] = [];
  for (const hit of view.overlapping(SUBNET, SUBNET_CIDR_INDEX, range)) {
    const other = hit.object;
    if (nameOf(other) === nameOf(subnet) || !sameAddressSpace(subnet, other)) continue;
    const vlan = subnetVlan(other);
    const where = `VPC ${subnetVpc(other)}${vlan ? `, VLAN ${vlan}` : ''}`;
    out.push(
      deny(
        RULE,
        FIELD,
        `${formatCidr(cidr)} overlaps ${formatRange(hit.range)} of Subnet ${nameOf(other)} (${where}) at ${sharedPart(range, hit.range)}`,
        'CidrConflict',
        `Subnet ${nameOf(other)}`,
      ),
    );
  }
  return out;
}

function nodeConflicts(cidr: Cidr, view: ModelView): Finding[] {
  return view
    .overlapping(NODE, NODE_INTERNAL_IP_INDEX, cidrRange(cidr))
    .map((hit) =>
      deny(
        RULE,
        FIELD,
        `${formatCidr(cidr)} contains the InternalIP ${formatRange(hit.range)} of Node ${nameOf(hit.object)}`,
        'NodeAddressConflict',
        `Node ${nameOf(hit.object)}`,
      ),
    );
}

/** The last service CIDR flag seen, parsed: the flag is fixed for a server's lifetime. */
let parsedServiceCidrs: { text: string; ranges: IPRange[] } | undefined;

/** The service CIDR flag as ranges; a bad flag fails the review rather than letting subnets through. */
function serviceRanges(text: string): IPRange[] {
  if (!text) return [];
  if (parsedServiceCidrs?.text === text) return parsedServiceCidrs.ranges;
  try {
    const ranges = parseList(text, parseCidr).map(cidrRange);
    parsedServiceCidrs = { text, ranges };
    return ranges;
  } catch (error) {
    if (error instanceof NetParseError) throw new Error(`service CIDR setting is invalid: ${error.message}`);
    throw error;
  }
}

function serviceConflicts(cidr: Cidr, serviceCidr: string): Finding[] {
  const range = cidrRange(cidr);
  return serviceRanges(serviceCidr)
    .filter((service) => rangesOverlap(service, range))
    .map((service) =>
      deny(
        RULE,
        FIELD,
        `${formatCidr(cidr)} overlaps the Service CIDR ${formatRange(service)} at ${sharedPart(range, service)}`,
        'ServiceCidrConflict',
        `Service CIDR ${formatRange(service)}`,
      ),
    );
}

function dataOf(obj: KubeObject | undefined): Record<string, unknown> {
  const data = obj?.['data'];
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

/** Remote clusters' CIDRs when this cluster is an interconnect member; unparseable entries are skipped. */
function remoteClusterRanges(view: ModelView): { cluster: string; range: IPRange }[] {
  const config = view.get(CONFIG_MAP, IC_CONFIG_NAMESPACE, IC_CONFIG_NAME);
  if (dataOf(config)['enable-ic'] !== 'true') return [];
  const out: { cluster: string; range: IPRange }[] = [];
  for (const [cluster, value] of Object.entries(
    dataOf(view.get(CONFIG_MAP, IC_CONFIG_NAMESPACE, IC_CIDRS_NAME)),
  )) {
    if (typeof value !== 'string') continue;
    for (const token of value.split(',')) {
      try {
        out.push({ cluster, range: cidrRange(parseCidr(token.trim())) });
      } catch (error) {
        if (!(error instanceof NetParseError)) throw error;
      }
    }
  }
  return out;
}

function interconnectConflicts(cidr: Cidr, remote: { cluster: string; range: IPRange }[]): Finding[] {
  const range = cidrRange(cidr);
  return remote
    .filter((r) => rangesOverlap(r.range, range))
    .map((r) =>
      deny(
        RULE,
        FIELD,
        `${formatCidr(cidr)} overlaps ${formatRange(r.range)} of interconnected cluster ${r.cluster} at ${sharedPart(range, r.range)}`,
        'InterconnectCidrConflict',
        `cluster ${r.cluster} (ConfigMap ${IC_CONFIG_NAMESPACE}/${IC_CIDRS_NAME})`,
      ),
    );
}

/**
 * Overlaps with Subnets of the same VPC (and VLAN for underlay), Node InternalIPs (default-VPC
 * overlay subnets), the Service CIDR and interconnected clusters. Subnets and nodes are found
 * through the store's interval indexes.
 */
function check(ctx: AdmissionContext): Finding[] {
  const subnet = ctx.object;
  const cidrs = subnetCidrs(subnet);
  if (cidrs.length === 0) return [];
  const defaultOverlay = subnetVpc(subnet) === DEFAULT_VPC && !subnetVlan(subnet);
  const remote = remoteClusterRanges(ctx.view);
  const out: Finding[] = [];
  for (const cidr of cidrs) {
    out.push(...subnetConflicts(subnet, cidr, ctx.view));
    if (defaultOverlay) out.push(...nodeConflicts(cidr, ctx.view));
    out.push(...serviceConflicts(cidr, ctx.settings.serviceCidr));
    out.push(...interconnectConflicts(cidr, remote));
  }
  return out;
}

export const subnetOverlapsRule: ValidationRule = { id: RULE, kinds: [SUBNET], check };
