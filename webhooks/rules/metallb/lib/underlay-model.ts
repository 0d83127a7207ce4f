import type { Subnet } from '../../../../shared/kube/schemas/kubeovn.js';
import type { PoolEntry } from '../../../../shared/metallb/pool-addresses.js';
import { NetParseError } from '../../../../shared/net/errors.js';
import type { IPRange } from '../../../../shared/net/range.js';
import { RangeSet } from '../../../../shared/net/range-set.js';
import { formatRange, rangeContainsRange, rangeIntersection } from '../../../../shared/net/ranges.js';
import { parseIpOrKubeOvnRange } from '../../../../shared/net/syntax.js';
import { describeEntry } from './describe.js';
import { nameOf } from './identity.js';

/** Subnets that lend addresses to MetalLB in the guide's underlay setup. */
export function lendsLoadBalancerAddresses(subnet: Subnet): boolean {
  return subnet.spec?.enableExternalLBAddress === true;
}

/** The addresses a Subnet reserves in `excludeIps`; malformed entries are the kubeovn rules' business. */
export function excludedRanges(subnet: Subnet): RangeSet {
  const ranges: IPRange[] = [];
  for (const entry of subnet.spec?.excludeIps ?? []) {
    try {
      ranges.push(parseIpOrKubeOvnRange(entry));
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
    }
  }
  return RangeSet.of(ranges);
}

export const UNDERLAY_REASONS = ['UnderlayIPv6', 'OutsideUnderlaySubnet', 'NotExcluded'] as const;

export interface UnderlayProblem {
  reason: (typeof UNDERLAY_REASONS)[number];
  message: string;
}

/**
 * Why a pool entry overlapping `subnetRange` of an external-LB subnet breaks the guide's rule: it
 * must be IPv4, lie inside the subnet, and be reserved in the subnet's excludeIps.
 */
export function underlayProblems(
  entry: PoolEntry,
  pool: string,
  subnet: Subnet,
  subnetRange: IPRange,
  excluded: RangeSet,
): UnderlayProblem[] {
  const where = `${formatRange(subnetRange)} of Subnet ${nameOf(subnet)}`;
  const what = `${describeEntry(entry)} of IPAddressPool ${pool}`;
  if (entry.range.family === 6)
    return [
      {
        reason: 'UnderlayIPv6',
        message: `${what} lies in ${where}, which has enableExternalLBAddress; underlay LoadBalancer addresses must be IPv4`,
      },
    ];
  const out: UnderlayProblem[] = [];
  if (!rangeContainsRange(subnetRange, entry.range))
    out.push({
      reason: 'OutsideUnderlaySubnet',
      message: `${what} reaches beyond ${where}, which has enableExternalLBAddress; the pool must lie inside the underlay subnet`,
    });
  const inside = rangeIntersection(entry.range, subnetRange);
  const missing = inside ? RangeSet.of([inside]).subtract(excluded).toArray() : [];
  if (missing.length > 0)
    out.push({
      reason: 'NotExcluded',
      message: `${what} is not reserved in excludeIps of Subnet ${nameOf(subnet)} (not excluded: ${missing.map(formatRange).join(', ')}); Kube-OVN would hand these addresses to pods`,
    });
  return out;
}
