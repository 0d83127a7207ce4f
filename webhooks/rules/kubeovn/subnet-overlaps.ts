import { DEFAULT_VPC, IC_CIDRS_NAME, IC_CONFIG_NAMESPACE } from '../../../shared/kube/keys/kubeovn.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import { SUBNET, type Subnet } from '../../../shared/kube/schemas/kubeovn.js';
import { NODE } from '../../../shared/kube/schemas/workloads.js';
import { subnetCidrs, subnetVlan, subnetVpc } from '../../../shared/kubeovn/subnet.js';
import { type Cidr, cidrRange, formatCidr } from '../../../shared/net/cidr.js';
import type { IPRange } from '../../../shared/net/range.js';
import { formatRange, rangeIntersection, rangesOverlap } from '../../../shared/net/ranges.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { NODE_INTERNAL_IP_INDEX, SUBNET_CIDR_INDEX } from './indexes.js';
import { type RemoteClusterRange, remoteClusterRanges } from './lib/interconnect.js';

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
function sameAddressSpace(a: Subnet, b: Subnet): boolean {
  return subnetVpc(a) === subnetVpc(b) && subnetVlan(a) === subnetVlan(b);
}

function subnetConflicts(subnet: Subnet, cidr: Cidr, view: ModelView): Finding[] {
  const range = cidrRange(cidr);
  const out: Finding[] = [];
  for (const hit of view.overlapping(SUBNET, SUBNET_CIDR_INDEX, range)) {
    const other = hit.object;
    const name = other.metadata.name ?? '';
    if (name === (subnet.metadata.name ?? '') || !sameAddressSpace(subnet, other)) continue;
    const vlan = subnetVlan(other);
    const where = `VPC ${subnetVpc(other)}${vlan ? `, VLAN ${vlan}` : ''}`;
    out.push(
      deny(
        RULE,
        FIELD,
        `${formatCidr(cidr)} overlaps ${formatRange(hit.range)} of Subnet ${name} (${where}) at ${sharedPart(range, hit.range)}`,
        'CidrConflict',
        `Subnet ${name}`,
      ),
    );
  }
  return out;
}

function nodeConflicts(cidr: Cidr, view: ModelView): Finding[] {
  return view.overlapping(NODE, NODE_INTERNAL_IP_INDEX, cidrRange(cidr)).map((hit) => {
    const node = hit.object.metadata.name ?? '';
    return deny(
      RULE,
      FIELD,
      `${formatCidr(cidr)} contains the InternalIP ${formatRange(hit.range)} of Node ${node}`,
      'NodeAddressConflict',
      `Node ${node}`,
    );
  });
}

function serviceConflicts(cidr: Cidr, serviceCidrs: readonly Cidr[]): Finding[] {
  const range = cidrRange(cidr);
  return serviceCidrs
    .map(cidrRange)
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

function interconnectConflicts(cidr: Cidr, remote: readonly RemoteClusterRange[]): Finding[] {
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
function check(ctx: AdmissionContext<Subnet>): Finding[] {
  const subnet = ctx.object;
  const cidrs = subnetCidrs(subnet);
  if (cidrs.length === 0) return [];
  const defaultOverlay = subnetVpc(subnet) === DEFAULT_VPC && !subnetVlan(subnet);
  const remote = remoteClusterRanges(ctx.view);
  const out: Finding[] = [];
  for (const cidr of cidrs) {
    out.push(...subnetConflicts(subnet, cidr, ctx.view));
    if (defaultOverlay) out.push(...nodeConflicts(cidr, ctx.view));
    out.push(...serviceConflicts(cidr, ctx.settings.serviceCidrs));
    out.push(...interconnectConflicts(cidr, remote));
  }
  return out;
}

export const subnetOverlapsRule: ValidationRule<Subnet> = {
  id: RULE,
  kinds: [SUBNET],
  reasons: ['CidrConflict', 'NodeAddressConflict', 'ServiceCidrConflict', 'InterconnectCidrConflict'],
  guide: '配置子网',
  check,
};
