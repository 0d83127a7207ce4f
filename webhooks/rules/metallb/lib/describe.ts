import type { PoolEntry } from '../../../../shared/metallb/pool-addresses.js';
import { exactPrefix } from '../../../../shared/net/cidr.js';
import type { IPRange } from '../../../../shared/net/range.js';
import { formatRange, formatRangeAsPair } from '../../../../shared/net/ranges.js';

/** `CIDR 10.0.0.0/24` or `range 10.0.0.1-10.0.0.9`, as the entry was written. */
export function describeEntry(entry: PoolEntry): string {
  return entry.text.includes('/')
    ? `CIDR ${formatRange(entry.range)}`
    : `range ${formatRangeAsPair(entry.range)}`;
}

/** A stored range whose spelling is unknown: a CIDR when it is exactly one block. */
export function describeStoredRange(range: IPRange): string {
  return exactPrefix(range) !== undefined && range.first !== range.last
    ? `CIDR ${formatRange(range)}`
    : `range ${formatRangeAsPair(range)}`;
}
