import { type Address, tryParseAddress } from '../net/address.js';

/**
 * `<provider>.kubernetes.io/ip_pool`, read as kube-ovn-controller reads it: one name that is not an
 * address is an IPPool; anything else is a static list of entries, split at `;` when it has one,
 * else at `,` (two addresses of different families separated by `,` are one dual-stack entry).
 */
export type IpPoolRequest =
  | { kind: 'pool'; name: string }
  | { kind: 'static'; entries: Address[][] }
  | { kind: 'invalid'; problem: string };

function entryAddresses(entry: string): Address[] | undefined {
  const addresses = entry.split(',').map((part) => tryParseAddress(part.trim()));
  if (addresses.some((a) => a === undefined)) return undefined;
  const parsed = addresses as Address[];
  const families = new Set(parsed.map((a) => a.family));
  return families.size === parsed.length && parsed.length <= 2 ? parsed : undefined;
}

function splitEntries(value: string): string[] {
  if (value.includes(';')) return value.split(';');
  const parts = value.split(',');
  if (parts.length === 2) {
    const [a, b] = parts.map((p) => tryParseAddress(p.trim()));
    if (a && b && a.family !== b.family) return [value];
  }
  return parts;
}

export function parseIpPoolAnnotation(value: string): IpPoolRequest {
  const text = value.trim();
  if (!text) return { kind: 'invalid', problem: 'is empty' };
  if (!/[,;]/.test(text) && !tryParseAddress(text)) return { kind: 'pool', name: text };
  const entries: Address[][] = [];
  for (const raw of splitEntries(text)) {
    const entry = raw.trim();
    if (!entry) continue;
    const addresses = entryAddresses(entry);
    if (!addresses)
      return { kind: 'invalid', problem: `${JSON.stringify(entry)} is not an address or a v4,v6 pair` };
    entries.push(addresses);
  }
  return entries.length > 0 ? { kind: 'static', entries } : { kind: 'invalid', problem: 'lists no address' };
}
