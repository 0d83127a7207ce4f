import { type Address, type Family, formatAddress } from './address.js';
import { exactPrefix } from './cidr.js';
import type { IPRange } from './range.js';

/** Math.max/min do not take bigints. */
export function bigMax(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

export function bigMin(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function rangeOf(family: Family, first: bigint, last: bigint): IPRange {
  return { family, first, last };
}

export function singleAddressRange(address: Address): IPRange {
  return { family: address.family, first: address.value, last: address.value };
}

export function rangeSize(range: IPRange): bigint {
  return range.last - range.first + 1n;
}

export function rangeContainsAddress(range: IPRange, address: Address): boolean {
  return range.family === address.family && range.first <= address.value && address.value <= range.last;
}

/** Whether `outer` contains every address of `inner`. */
export function rangeContainsRange(outer: IPRange, inner: IPRange): boolean {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}

export function rangesOverlap(a: IPRange, b: IPRange): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

export function rangeIntersection(a: IPRange, b: IPRange): IPRange | undefined {
  if (!rangesOverlap(a, b)) return undefined;
  return {
    family: a.family,
    first: bigMax(a.first, b.first),
    last: bigMin(a.last, b.last),
  };
}

export function rangesEqual(a: IPRange, b: IPRange): boolean {
  return a.family === b.family && a.first === b.first && a.last === b.last;
}

/** Orders by family, then first, then last. */
export function compareRanges(a: IPRange, b: IPRange): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.first !== b.first) return a.first < b.first ? -1 : 1;
  if (a.last !== b.last) return a.last < b.last ? -1 : 1;
  return 0;
}

/** As a CIDR when the range is exactly one block, a single address when it has one, else `a-b`. */
export function formatRange(range: IPRange): string {
  if (range.first === range.last) return formatAddress(range.family, range.first);
  const prefix = exactPrefix(range);
  if (prefix !== undefined) return `${formatAddress(range.family, range.first)}/${prefix}`;
  return formatRangeAsPair(range);
}

export function formatRangeAsPair(range: IPRange, separator = '-'): string {
  return `${formatAddress(range.family, range.first)}${separator}${formatAddress(range.family, range.last)}`;
}
