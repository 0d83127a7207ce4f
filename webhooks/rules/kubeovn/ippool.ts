import { IPPOOL, type IPPool, SUBNET } from '../../../shared/kube/schemas/kubeovn.js';
import { ipPoolEntries } from '../../../shared/kubeovn/ippool.js';
import { subnetCidrs } from '../../../shared/kubeovn/subnet.js';
import { isIpAddress } from '../../../shared/net/address.js';
import { cidrRange, formatCidr } from '../../../shared/net/cidr.js';
import type { IPRange } from '../../../shared/net/range.js';
import { RangeSet } from '../../../shared/net/range-set.js';
import { formatRange, rangeIntersection } from '../../../shared/net/ranges.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { IPPOOL_IPS_INDEX, SUBNET_NAMESPACE_INDEX } from './indexes.js';

const RULE = 'kubeovn/ippool';

interface PoolRange {
  index: number;
  range: IPRange;
}

function checkName(name: string): Finding[] {
  if (!isIpAddress(name)) return [];
  return [deny(RULE, 'metadata.name', `the name ${name} is an IP address; IPPool names must not be`)];
}

/** Addresses outside the pool's Subnet are never handed out. */
function checkInsideSubnet(ctx: AdmissionContext<IPPool>, ranges: readonly PoolRange[]): Finding[] {
  const subnetName = ctx.object.spec?.subnet ?? '';
  const subnet = subnetName ? ctx.view.get(SUBNET, '', subnetName) : undefined;
  if (!subnet) {
    return [
      warn(
        RULE,
        'spec.subnet',
        `Subnet ${subnetName} does not exist (yet)`,
        'SubnetNotFound',
        `Subnet ${subnetName}`,
      ),
    ];
  }
  const cidrs = subnetCidrs(subnet);
  const inside = RangeSet.of(cidrs.map(cidrRange));
  return ranges
    .filter(({ range }) => !inside.contains(range))
    .map(({ index, range }) =>
      warn(
        RULE,
        `spec.ips[${index}]`,
        `${formatRange(range)} is not inside ${cidrs.map(formatCidr).join(',')} of Subnet ${subnetName}; addresses outside it have no effect`,
        'OutsideSubnet',
        `Subnet ${subnetName}`,
      ),
    );
}

/** Pools of one Subnet may not share addresses. */
function checkOverlaps(ctx: AdmissionContext<IPPool>, ranges: readonly PoolRange[]): Finding[] {
  const name = ctx.object.metadata.name ?? '';
  const subnetName = ctx.object.spec?.subnet ?? '';
  const out: Finding[] = [];
  for (const { index, range } of ranges) {
    for (const hit of ctx.view.overlapping(IPPOOL, IPPOOL_IPS_INDEX, range)) {
      const other = hit.object.metadata.name ?? '';
      if (other === name || hit.object.spec?.subnet !== subnetName) continue;
      const shared = rangeIntersection(range, hit.range);
      out.push(
        deny(
          RULE,
          `spec.ips[${index}]`,
          `${formatRange(range)} overlaps ${formatRange(hit.range)} of IPPool ${other} in Subnet ${subnetName}${shared ? ` at ${formatRange(shared)}` : ''}`,
          'IPPoolConflict',
          `IPPool ${other}`,
        ),
      );
    }
  }
  return out;
}

function checkNamespaces(ctx: AdmissionContext<IPPool>): Finding[] {
  const subnetName = ctx.object.spec?.subnet ?? '';
  const out: Finding[] = [];
  (ctx.object.spec?.namespaces ?? []).forEach((namespace, index) => {
    for (const other of ctx.view.byIndex(SUBNET, SUBNET_NAMESPACE_INDEX, namespace)) {
      const otherName = other.metadata.name ?? '';
      if (otherName === subnetName) continue;
      out.push(
        warn(
          RULE,
          `spec.namespaces[${index}]`,
          `namespace ${namespace} is also bound to Subnet ${otherName}`,
          'NamespaceBoundTwice',
          `Subnet ${otherName}`,
        ),
      );
    }
  });
  return out;
}

function check(ctx: AdmissionContext<IPPool>): Finding[] {
  const out = checkName(ctx.object.metadata.name ?? '');
  const ranges: PoolRange[] = [];
  for (const entry of ipPoolEntries(ctx.object)) {
    if ('range' in entry) ranges.push(entry);
    else {
      const { index, text, error } = entry;
      out.push(deny(RULE, `spec.ips[${index}]`, `${JSON.stringify(text)}: ${error.reason}`, 'InvalidIPs'));
    }
  }
  return [...out, ...checkInsideSubnet(ctx, ranges), ...checkOverlaps(ctx, ranges), ...checkNamespaces(ctx)];
}

export const ipPoolRule: ValidationRule<IPPool> = {
  id: RULE,
  kinds: [IPPOOL],
  reasons: ['InvalidIPs', 'SubnetNotFound', 'OutsideSubnet', 'IPPoolConflict', 'NamespaceBoundTwice'],
  guide: '配置 IPPool',
  check,
};
