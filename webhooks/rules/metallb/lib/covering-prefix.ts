import { addressBits } from '../../../../shared/net/address.js';
import type { IPRange } from '../../../../shared/net/range.js';

/**
 * The shortest prefix among the CIDR blocks that exactly cover `range` (MetalLB splits an `a-b`
 * range into such blocks and checks the aggregation length against the largest of them).
 */
export function shortestCoveringPrefix(range: IPRange): number {
  const bits = addressBits[range.family];
  let shortest = bits;
  let first = range.first;
  while (first <= range.last) {
    let hostBits = 0;
    while (
      hostBits < bits &&
      (first & ((1n << BigInt(hostBits + 1)) - 1n)) === 0n &&
      first + (1n << BigInt(hostBits + 1)) - 1n <= range.last
    ) {
      hostBits++;
    }
    shortest = Math.min(shortest, bits - hostBits);
    first += 1n << BigInt(hostBits);
  }
  return shortest;
}
