import { formatAddress } from '../net/address.js';
import type { IPRange } from '../net/range.js';

/**
 * Ranges as Kube-OVN writes them in Subnet and IPPool status (v4availableIPrange, v4usingIPrange):
 * `a-b` per range, a lone address alone, comma-separated (kube-ovn pkg/ipam IPRange.String and
 * IPRangeList.String), e.g. `10.16.0.2-10.16.0.9,10.16.0.11-10.16.255.254`.
 */
export function kubeOvnRangeString(ranges: readonly IPRange[]): string {
  return ranges
    .map((range) =>
      range.first === range.last
        ? formatAddress(range.family, range.first)
        : `${formatAddress(range.family, range.first)}-${formatAddress(range.family, range.last)}`,
    )
    .join(',');
}
