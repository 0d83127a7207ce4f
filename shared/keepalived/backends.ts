import { type Family, formatAddress, tryParseAddress } from '../net/address.js';
import type { KeepalivedInstance } from './schema.js';

/** Backends (real server addresses) per instance, keyed by `instanceKey`. */
export type BackendsByInstance = ReadonlyMap<string, readonly string[]>;

/** How an instance is named in a backends map and in messages: its name, or its VIP when it has none. */
export function instanceKey(instance: KeepalivedInstance): string {
  return instance.name ?? instance.vip;
}

/** The family of an address, or undefined when it is not one. */
export function familyOf(text: string): Family | undefined {
  return tryParseAddress(text)?.family;
}

/** Canonical text of an address (RFC 5952 for IPv6), or undefined when it is not one. */
export function canonicalAddress(text: string): string | undefined {
  const address = tryParseAddress(text);
  return address && formatAddress(address.family, address.value);
}

/**
 * The backend set as rendered: the addresses of `family` only (IPVS forwards a VIP to real servers
 * of its own family), canonical, without duplicates, in address order. Rendering the whole set
 * every time is what makes each reload converge.
 */
export function normalizeBackends(addresses: readonly string[], family: Family): string[] {
  const byValue = new Map<bigint, string>();
  for (const text of addresses) {
    const address = tryParseAddress(text);
    if (address?.family === family) byValue.set(address.value, formatAddress(family, address.value));
  }
  return [...byValue.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, text]) => text);
}

/** The backends of an instance: those given for it, else its own `ipvs.ips`. */
export function backendsOf(instance: KeepalivedInstance, given?: BackendsByInstance): readonly string[] {
  return given?.get(instanceKey(instance)) ?? instance.ipvs?.ips ?? [];
}
