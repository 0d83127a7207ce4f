import type { KubeObject } from '../../../shared/kube/object.js';
import { NetParseError } from '../../../shared/net/errors.js';
import type { IPRange } from '../../../shared/net/range.js';
import { RangeSet } from '../../../shared/net/range-set.js';
import { formatRange, rangeContainsRange, rangeIntersection } from '../../../shared/net/ranges.js';
import { parseIpOrKubeOvnRange } from '../../../shared/net/syntax.js';
import { deny } from '../ipam/findings.js';
import { SUBNET_CIDR_INDEX } from '../ipam/indexes.js';
import { SUBNET } from '../ipam/kinds.js';
import { boolField, nameOf, specOf, stringList } from '../ipam/read.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { describeEntry } from './describe.js';
import { IP_ADDRESS_POOL } from './kinds.js';
import { type PoolEntry, parsePoolAddresses } from './pool-model.js';

const RULE = 'metallb/underlay-pool';

/** The addresses a Subnet reserves in `excludeIps`; malformed entries are the ipam rules' business. */
function excludedRanges(subnet: KubeObject): RangeSet {
  const ranges: IPRange[] = [];
  for (const entry of stringList(specOf(subnet), 'excludeIps')) {
    try {
      ranges.push(parseIpOrKubeOvnRange(entry));
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
    }
  }
  return RangeSet.of(ranges);
}

function entryFindings(entry: PoolEntry, subnet: KubeObject, subnetRange: IPRange): Finding[] {
  const field = `spec.addresses[${entry.index}]`;
  const other = `Subnet ${nameOf(subnet)}`;
  if (entry.range.family === 6) {
    return [
      deny(
        RULE,
        field,
        `${describeEntry(entry)} lies in ${formatRange(subnetRange)} of Subnet ${nameOf(subnet)}, which has enableExternalLBAddress; underlay LoadBalancer addresses must be IPv4`,
        'UnderlayIPv6',
        other,
      ),
    ];
  }
  const out: Finding[] = [];
  if (!rangeContainsRange(subnetRange, entry.range)) {
    out.push(
      deny(
        RULE,
        field,
        `${describeEntry(entry)} reaches beyond ${formatRange(subnetRange)} of Subnet ${nameOf(subnet)}, which has enableExternalLBAddress; the pool must lie inside the underlay subnet`,
        'OutsideUnderlaySubnet',
        other,
      ),
    );
  }
  const inside = rangeIntersection(entry.range, subnetRange);
  if (!inside) return out;
  const missing = RangeSet.of([inside]).subtract(excludedRanges(subnet)).toArray();
  if (missing.length > 0) {
    out.push(
      deny(
        RULE,
        field,
        `${describeEntry(entry)} is not reserved in excludeIps of Subnet ${nameOf(subnet)} (not excluded: ${missing.map(formatRange).join(', ')}); Kube-OVN would hand these addresses to pods`,
        'NotExcluded',
        other,
      ),
    );
  }
  return out;
}

/**
 * The guide's Kube-OVN underlay + MetalLB setup: a pool inside a Subnet with
 * `enableExternalLBAddress: true` must lie in that subnet's `excludeIps` and be IPv4.
 */
function check(ctx: AdmissionContext): Finding[] {
  const out: Finding[] = [];
  for (const entry of parsePoolAddresses(ctx.object).entries) {
    for (const hit of ctx.view.overlapping(SUBNET, SUBNET_CIDR_INDEX, entry.range)) {
      if (boolField(specOf(hit.object), 'enableExternalLBAddress') !== true) continue;
      out.push(...entryFindings(entry, hit.object, hit.range));
    }
  }
  return out;
}

export const underlayPoolRule: ValidationRule = { id: RULE, kinds: [IP_ADDRESS_POOL], check };
