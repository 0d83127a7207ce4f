import ipaddr from 'ipaddr.js';
import { NetParseError } from './errors.js';

export type Family = 4 | 6;

export interface Address {
  family: Family;
  value: bigint;
}

export const maxValue: Readonly<Record<Family, bigint>> = { 4: (1n << 32n) - 1n, 6: (1n << 128n) - 1n };
export const addressBits: Readonly<Record<Family, number>> = { 4: 32, 6: 128 };

const v4MappedPrefix = 0xffffn << 32n;

function fromBytes(bytes: readonly number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function toBytes(value: bigint, count: number): number[] {
  const bytes = new Array<number>(count);
  for (let i = count - 1; i >= 0; i--) {
    bytes[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return bytes;
}

/**
 * Parses one address: dotted-quad IPv4 without leading zeros (as Go's net.ParseIP accepts it) or
 * IPv6 without a zone. An IPv4-mapped IPv6 address (`::ffff:1.2.3.4`) stays IPv6: Kubernetes and
 * Kube-OVN treat it as an IPv6 address, and `unmapV4` converts it when a caller wants the IPv4 view.
 */
export function parseAddress(text: string): Address {
  if (text.length === 0) throw new NetParseError(text, 'empty address');
  if (text.trim() !== text) throw new NetParseError(text, 'address has surrounding whitespace');
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    return { family: 4, value: fromBytes(ipaddr.IPv4.parse(text).toByteArray()) };
  }
  if (text.includes(':')) {
    if (text.includes('%')) throw new NetParseError(text, 'IPv6 zone identifiers are not allowed');
    if (ipaddr.IPv6.isValid(text)) {
      return { family: 6, value: fromBytes(ipaddr.IPv6.parse(text).toByteArray()) };
    }
    throw new NetParseError(text, 'not a valid IPv6 address');
  }
  throw new NetParseError(text, 'not a valid IP address');
}

export function tryParseAddress(text: string): Address | undefined {
  try {
    return parseAddress(text);
  } catch (error) {
    if (error instanceof NetParseError) return undefined;
    throw error;
  }
}

export function isIpAddress(text: string): boolean {
  return tryParseAddress(text) !== undefined;
}

export function isV4Mapped(address: Address): boolean {
  return address.family === 6 && address.value >> 32n === 0xffffn;
}

/** `::ffff:a.b.c.d` -> a.b.c.d; any other address unchanged. */
export function unmapV4(address: Address): Address {
  return isV4Mapped(address) ? { family: 4, value: address.value & maxValue[4] } : address;
}

/** Canonical text: dotted quad, RFC 5952 for IPv6 with `::ffff:a.b.c.d` for mapped IPv4. */
export function formatAddress(family: Family, value: bigint): string {
  if (family === 4) return toBytes(value, 4).join('.');
  if (value >> 32n === 0xffffn) return `::ffff:${formatAddress(4, value - v4MappedPrefix)}`;
  return ipaddr.fromByteArray(toBytes(value, 16)).toString();
}

export function familyName(family: Family): 'IPv4' | 'IPv6' {
  return family === 4 ? 'IPv4' : 'IPv6';
}
