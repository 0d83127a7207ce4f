import { formatAddress, tryParseAddress } from '../net/address.js';

/** Canonical text of each address in a comma-separated list; unparseable entries are skipped. */
export function canonicalAddresses(text: string | undefined): string[] {
  const out: string[] = [];
  for (const part of (text ?? '').split(',')) {
    const address = tryParseAddress(part.trim());
    if (address) out.push(formatAddress(address.family, address.value));
  }
  return out;
}
