import type { IPAddressPool } from '../kube/schemas/metallb.js';
import type { Address } from '../net/address.js';
import { NetParseError } from '../net/errors.js';
import type { IPRange } from '../net/range.js';
import { rangeContainsAddress } from '../net/ranges.js';
import { parseCidrOrMetallbRange } from '../net/syntax.js';

/** One entry of `spec.addresses` that parses, with its index and spelling. */
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
export function parsePoolAddresses(pool: IPAddressPool): { entries: PoolEntry[]; errors: PoolEntryError[] } {
  const entries: PoolEntry[] = [];
  const errors: PoolEntryError[] = [];
  pool.spec.addresses.forEach((text, index) => {
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
export function poolRanges(pool: IPAddressPool): IPRange[] {
  return parsePoolAddresses(pool).entries.map((e) => e.range);
}

/** IPv4 addresses ending in .0 or .255, which some firmware drops; `avoidBuggyIPs` pools skip them. */
export function confusesBuggyFirmware(address: Address): boolean {
  if (address.family !== 4) return false;
  const lastOctet = address.value & 0xffn;
  return lastOctet === 0n || lastOctet === 255n;
}

/** Whether MetalLB can hand out `address` from `pool`: inside its addresses, and not avoided. */
export function poolOffers(pool: IPAddressPool, address: Address): boolean {
  if (pool.spec.avoidBuggyIPs === true && confusesBuggyFirmware(address)) return false;
  return poolRanges(pool).some((range) => rangeContainsAddress(range, address));
}
