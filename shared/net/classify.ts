import type { Address } from './address.js';
import { cidrRange, parseCidr } from './cidr.js';
import type { IPRange } from './range.js';
import { rangeContainsAddress, rangesOverlap } from './ranges.js';

export type AddressClass = 'loopback' | 'multicast' | 'link-local' | 'unspecified' | 'broadcast';

interface SpecialBlock {
  kind: AddressClass;
  cidr: string;
  range: IPRange;
}

function block(kind: AddressClass, cidr: string): SpecialBlock {
  return { kind, cidr, range: cidrRange(parseCidr(cidr)) };
}

/** Blocks a pod subnet may not touch (the platform guide and Kube-OVN refuse them). */
export const specialBlocks: readonly SpecialBlock[] = [
  block('unspecified', '0.0.0.0/32'),
  block('unspecified', '::/128'),
  block('loopback', '127.0.0.0/8'),
  block('loopback', '::1/128'),
  block('link-local', '169.254.0.0/16'),
  block('link-local', 'fe80::/10'),
  block('multicast', '224.0.0.0/4'),
  block('multicast', 'ff00::/8'),
  block('broadcast', '255.255.255.255/32'),
];

export function classifyAddress(address: Address): AddressClass | undefined {
  return specialBlocks.find((b) => rangeContainsAddress(b.range, address))?.kind;
}

export const isLoopback = (a: Address): boolean => classifyAddress(a) === 'loopback';
export const isMulticast = (a: Address): boolean => classifyAddress(a) === 'multicast';
export const isLinkLocal = (a: Address): boolean => classifyAddress(a) === 'link-local';
export const isUnspecified = (a: Address): boolean => classifyAddress(a) === 'unspecified';
export const isV4Broadcast = (a: Address): boolean => classifyAddress(a) === 'broadcast';

/** The first special block `range` overlaps, e.g. `0.0.0.0/8` hits unspecified, `10.0.0.0/8` none. */
export function specialBlockOverlapping(range: IPRange): SpecialBlock | undefined {
  return specialBlocks.find((b) => rangesOverlap(b.range, range));
}
