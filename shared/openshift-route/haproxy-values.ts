import { tryParseAddress } from '../net/address.js';
import { formatCidr, parseCidr } from '../net/cidr.js';

/**
 * Annotation values as OpenShift's HAProxy router reads them. A value the router's pattern does not
 * match is ignored by the router (it keeps its default), so a parser says why instead of throwing.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

const TIME_UNITS_MS: Readonly<Record<string, number>> = {
  us: 0.001,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** HAProxy's largest timeout (2^31-1 ms); the router clips longer values to it. */
export const HAPROXY_MAX_TIMEOUT_MS = 2_147_483_647;

export interface TimeSpec {
  /** Milliseconds, clipped to HAProxy's largest timeout, at least 1 for a sub-millisecond value. */
  ms: number;
  clipped: boolean;
}

/** The router's TimeUnits: `[1-9][0-9]*(us|ms|s|m|h|d)?`, milliseconds when no unit is given. */
export function parseTimeSpec(value: string): Parsed<TimeSpec> {
  const match = /^([1-9][0-9]*)(us|ms|s|m|h|d)?$/.exec(value);
  if (!match)
    return bad('is not a duration such as 30s, 5500ms or 1h (a number from 1 and us, ms, s, m, h or d)');
  const exact = Number(match[1]) * (TIME_UNITS_MS[match[2] ?? 'ms'] ?? 1);
  const clipped = exact > HAPROXY_MAX_TIMEOUT_MS;
  return ok({ ms: clipped ? HAPROXY_MAX_TIMEOUT_MS : Math.max(1, Math.ceil(exact)), clipped });
}

/** Milliseconds as a Gateway API duration (`1h30m`, `25s`, `500ms`): each part at most 5 digits. */
export function gatewayDuration(ms: number): string {
  const parts: [number, string][] = [
    [Math.floor(ms / 3_600_000), 'h'],
    [Math.floor(ms / 60_000) % 60, 'm'],
    [Math.floor(ms / 1000) % 60, 's'],
    [ms % 1000, 'ms'],
  ];
  const text = parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join('');
  return text || '0s';
}

/** Go's strconv.ParseBool, which the router's isTrue uses. */
export function parseBool(value: string): Parsed<boolean> {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return ok(true);
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return ok(false);
  return bad('is not a boolean (true or false)');
}

/** A non-negative integer, as the router's isInteger check takes limits. */
export function parseCount(value: string): Parsed<number> {
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value))) return bad('is not a whole number');
  return ok(Number(value));
}

export interface Hsts {
  maxAge: number;
  includeSubDomains: boolean;
  preload: boolean;
}

/** `max-age=N[;includeSubDomains][;preload]` (RFC 6797 directives, case-insensitive, max-age required). */
export function parseHsts(value: string): Parsed<Hsts> {
  const directives = value.split(';').map((d) => d.trim());
  const seen = new Set<string>();
  let maxAge: number | undefined;
  for (const directive of directives) {
    const [name = '', ...rest] = directive.split('=');
    const key = name.trim().toLowerCase();
    if (seen.has(key)) return bad(`repeats the directive ${name.trim()}`);
    seen.add(key);
    if (key === 'max-age') {
      const number = rest
        .join('=')
        .trim()
        .replace(/^"(.*)"$/, '$1');
      if (!/^[0-9]+$/.test(number)) return bad('has a max-age that is not a number of seconds');
      maxAge = Number(number);
    } else if ((key !== 'includesubdomains' && key !== 'preload') || rest.length > 0) {
      return bad(
        `has the unknown directive "${directive}" (max-age, includeSubDomains and preload are known)`,
      );
    }
  }
  if (maxAge === undefined) return bad('has no max-age, which HSTS requires');
  return ok({ maxAge, includeSubDomains: seen.has('includesubdomains'), preload: seen.has('preload') });
}

export const BALANCE_ALGORITHMS = ['roundrobin', 'leastconn', 'source', 'random'] as const;
export type BalanceAlgorithm = (typeof BALANCE_ALGORITHMS)[number];

export function parseBalance(value: string): Parsed<BalanceAlgorithm> {
  const found = BALANCE_ALGORITHMS.find((a) => a === value);
  return found ? ok(found) : bad(`is not one of ${BALANCE_ALGORITHMS.join(', ')}`);
}

/** A cookie name of letters, digits, "_" and "-", as the router's cookie_name pattern takes it. */
export function parseCookieName(value: string): Parsed<string> {
  return /^[a-zA-Z0-9_-]+$/.test(value) ? ok(value) : bad('may hold only letters, digits, "_" and "-"');
}

export function parseSameSite(value: string): Parsed<'Lax' | 'Strict' | 'None'> {
  return value === 'Lax' || value === 'Strict' || value === 'None'
    ? ok(value)
    : bad('is not Lax, Strict or None');
}

/**
 * A space-separated list of addresses and CIDRs, as CIDRs (`/32`, `/128` for addresses). The router
 * ignores the whole list when one entry is not an address or CIDR (and then allows every source).
 */
export function parseIpList(value: string): Parsed<string[]> {
  const entries = value.split(/\s+/).filter(Boolean);
  if (entries.length === 0) return bad('lists no address');
  const cidrs: string[] = [];
  for (const entry of entries) {
    const address = tryParseAddress(entry);
    if (address) {
      cidrs.push(
        formatCidr({
          family: address.family,
          network: address.value,
          prefix: address.family === 4 ? 32 : 128,
        }),
      );
      continue;
    }
    try {
      cidrs.push(formatCidr(parseCidr(entry)));
    } catch {
      return bad(
        `has "${entry}", which is neither an IP address nor a CIDR (entries are separated by spaces)`,
      );
    }
  }
  return ok([...new Set(cidrs)]);
}

/** `Name:value`, the form the platform guide gives header changes in. */
export function parseHeaderSetting(value: string): Parsed<{ name: string; value: string }> {
  const colon = value.indexOf(':');
  const name = colon < 0 ? '' : value.slice(0, colon).trim();
  const text = colon < 0 ? '' : value.slice(colon + 1).trim();
  if (!/^[-!#$%&'*+.0-9A-Z^_`a-z|~]+$/.test(name) || text === '')
    return bad('is not "Name:value" (an HTTP header name, a colon and a value)');
  return ok({ name, value: text });
}

/** The path the matched prefix is replaced with; Gateway API needs an absolute path. */
export function parseRewriteTarget(value: string): Parsed<string> {
  return /^\/\S*$/.test(value) ? ok(value) : bad('is not an absolute path without spaces');
}
