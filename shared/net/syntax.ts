import { familyName, parseAddress } from './address.js';
import { type Cidr, cidrRange, parseCidr } from './cidr.js';
import { NetParseError } from './errors.js';
import type { IPRange } from './range.js';

function rangeBetween(token: string, firstText: string, lastText: string): IPRange {
  const first = parseAddress(firstText);
  const last = parseAddress(lastText);
  if (first.family !== last.family) {
    throw new NetParseError(
      token,
      `range mixes ${familyName(first.family)} and ${familyName(last.family)} addresses`,
    );
  }
  if (first.value > last.value) throw new NetParseError(token, 'range start is greater than its end');
  return { family: first.family, first: first.value, last: last.value };
}

/** Re-raises an address error with the whole token quoted, keeping the address-level reason. */
function withToken<T>(token: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof NetParseError && error.token !== token) {
      throw new NetParseError(token, `${JSON.stringify(error.token)}: ${error.reason}`);
    }
    throw error;
  }
}

/** Kube-OVN's `a..b` (excludeIps, IPPool ips): both ends of one family, a ≤ b. */
export function parseKubeOvnRange(token: string): IPRange {
  const parts = token.split('..');
  if (parts.length !== 2) throw new NetParseError(token, 'expected a range "first..last"');
  return withToken(token, () => rangeBetween(token, parts[0] ?? '', parts[1] ?? ''));
}

/** MetalLB's `a-b` (IPAddressPool addresses); spaces around "-" are tolerated as MetalLB does. */
export function parseMetallbRange(token: string): IPRange {
  const parts = token.split('-');
  if (parts.length !== 2) throw new NetParseError(token, 'expected a range "first-last"');
  return withToken(token, () => rangeBetween(token, (parts[0] ?? '').trim(), (parts[1] ?? '').trim()));
}

export function parseCidrRange(token: string): IPRange {
  return cidrRange(parseCidr(token));
}

/** A single IP or a Kube-OVN `a..b` range (Subnet excludeIps). */
export function parseIpOrKubeOvnRange(token: string): IPRange {
  if (token.includes('..')) return parseKubeOvnRange(token);
  const address = parseAddress(token);
  return { family: address.family, first: address.value, last: address.value };
}

/** An IP, a CIDR or a Kube-OVN `a..b` range (IPPool ips). */
export function parseIpCidrOrKubeOvnRange(token: string): IPRange {
  if (token.includes('/')) return parseCidrRange(token);
  return parseIpOrKubeOvnRange(token);
}

/** A CIDR or a MetalLB `a-b` range; a bare address is refused as MetalLB refuses it. */
export function parseCidrOrMetallbRange(token: string): IPRange {
  if (token.includes('/')) return parseCidrRange(token);
  if (token.includes('-')) return parseMetallbRange(token);
  throw new NetParseError(token, 'expected a CIDR or a range "first-last", not a single address');
}

/** Splits a comma-separated list and parses each entry; errors carry the entry's index. */
export function parseList<T>(text: string, parseOne: (token: string) => T): T[] {
  return text.split(',').map((token, index) => {
    if (token.length === 0) throw new NetParseError(token, 'empty entry', index);
    try {
      return parseOne(token);
    } catch (error) {
      if (error instanceof NetParseError) throw error.at(index);
      throw error;
    }
  });
}

/**
 * A dual-stack CIDR list such as `10.16.0.0/16,fd00:10:16::/64`: one or two CIDRs, at most one per
 * family, in the order written.
 */
export function parseDualStackCidrs(text: string): Cidr[] {
  const cidrs = parseList(text, parseCidr);
  if (cidrs.length > 2) {
    throw new NetParseError(text.split(',')[2] ?? '', 'more than two CIDRs (at most one per family)', 2);
  }
  if (cidrs.length === 2 && cidrs[0]?.family === cidrs[1]?.family) {
    const family = familyName(cidrs[0]?.family ?? 4);
    throw new NetParseError(text.split(',')[1] ?? '', `second ${family} CIDR (at most one per family)`, 1);
  }
  return cidrs;
}
