import { addressBits, type Family, formatAddress, maxValue, parseAddress } from './address.js';
import { NetParseError } from './errors.js';
import type { IPRange } from './range.js';

export interface Cidr {
  family: Family;
  /** The address as written (may have host bits set). */
  address: bigint;
  prefix: number;
  /** Network address: `address` with host bits cleared. */
  network: bigint;
  /** Last address of the block; for IPv4 this is the broadcast address. */
  last: bigint;
  /** Whether `address` differs from `network` (e.g. `10.0.0.1/24`). */
  hostBitsSet: boolean;
}

export function hostMask(family: Family, prefix: number): bigint {
  return (1n << BigInt(addressBits[family] - prefix)) - 1n;
}

export function cidrFrom(family: Family, address: bigint, prefix: number): Cidr {
  const mask = hostMask(family, prefix);
  const network = address & ~mask & maxValue[family];
  return { family, address, prefix, network, last: network | mask, hostBitsSet: address !== network };
}

const prefixPattern = /^(0|[1-9][0-9]{0,2})$/;

/** Parses `addr/prefix`; a bare address is refused (the caller decides whether one is allowed). */
export function parseCidr(text: string): Cidr {
  const slash = text.indexOf('/');
  if (slash < 0) throw new NetParseError(text, 'not a CIDR: missing "/prefix"');
  const addressText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  let family: Family;
  let address: bigint;
  try {
    ({ family, value: address } = parseAddress(addressText));
  } catch (error) {
    if (error instanceof NetParseError)
      throw new NetParseError(text, `invalid CIDR address: ${error.reason}`);
    throw error;
  }
  if (!prefixPattern.test(prefixText)) throw new NetParseError(text, `invalid prefix length "${prefixText}"`);
  const prefix = Number(prefixText);
  if (prefix > addressBits[family]) {
    throw new NetParseError(text, `prefix length ${prefix} exceeds ${addressBits[family]}`);
  }
  return cidrFrom(family, address, prefix);
}

export function cidrRange(cidr: Cidr): IPRange {
  return { family: cidr.family, first: cidr.network, last: cidr.last };
}

/** `network/prefix` (host bits cleared). */
export function formatCidr(cidr: Pick<Cidr, 'family' | 'network' | 'prefix'>): string {
  return `${formatAddress(cidr.family, cidr.network)}/${cidr.prefix}`;
}

/** The prefix length when `range` is exactly one CIDR block, else undefined. */
export function exactPrefix(range: IPRange): number | undefined {
  const size = range.last - range.first + 1n;
  if ((size & (size - 1n)) !== 0n) return undefined;
  if ((range.first & (size - 1n)) !== 0n) return undefined;
  const hostBits = size.toString(2).length - 1;
  return addressBits[range.family] - hostBits;
}
