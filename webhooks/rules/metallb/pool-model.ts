import type { KubeObject } from '../../../shared/kube/object.js';
import { specOf, stringList } from '../../../shared/kube/spec-fields.js';
import { addressBits } from '../../../shared/net/address.js';
import { NetParseError } from '../../../shared/net/errors.js';
import type { IPRange } from '../../../shared/net/range.js';
import { parseCidrOrMetallbRange } from '../../../shared/net/syntax.js';

export interface PoolEntry {
  index: number;
  text: string;
  range: IPRange;
}

export interface PoolEntryError {
  index: number;
  text: string;
  reason: string;
}

/** `spec.addresses` of an IPAddressPool: CIDRs (host bits allowed, as MetalLB allows) or `a-b`. */
export function parsePoolAddresses(obj: KubeObject): { entries: PoolEntry[]; errors: PoolEntryError[] } {
  const entries: PoolEntry[] = [];
  const errors: PoolEntryError[] = [];
  stringList(specOf(obj), 'addresses').forEach((text, index) => {
    try {
      entries.push({ index, text, range: parseCidrOrMetallbRange(text.trim()) });
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      errors.push({ index, text, reason: error.reason });
    }
  });
  return { entries, errors };
}

/** The ranges of a pool's addresses that parse (the range index of pools). */
export function poolRanges(obj: KubeObject): IPRange[] {
  return parsePoolAddresses(obj).entries.map((e) => e.range);
}

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
