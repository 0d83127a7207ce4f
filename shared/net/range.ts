/**
 * A contiguous, inclusive range of addresses of one family, as bigints.
 * IPv4 addresses are 0..2^32-1, IPv6 addresses 0..2^128-1; families never compare with each other.
 */
export interface IPRange {
  family: 4 | 6;
  first: bigint;
  last: bigint;
}
