import * as keys from '../kube/keys/openshift-route.js';
import type { Route } from '../kube/schemas/openshift-route.js';
import {
  type Parsed,
  parseBalance,
  parseBool,
  parseCookieName,
  parseCount,
  parseHeaderSetting,
  parseHsts,
  parseIpList,
  parseRewriteTarget,
  parseSameSite,
  parseTimeSpec,
} from './haproxy-values.js';

const FORWARDED_POLICIES = ['append', 'replace', 'never', 'if-none'];

/** How the router reads each annotation acpnet knows. */
const parsers: Readonly<Record<string, (value: string) => Parsed<unknown>>> = {
  [keys.TIMEOUT]: parseTimeSpec,
  [keys.TIMEOUT_TUNNEL]: parseTimeSpec,
  [keys.HSTS_HEADER]: parseHsts,
  [keys.BALANCE]: parseBalance,
  [keys.DISABLE_COOKIES]: parseBool,
  [keys.COOKIE_NAME]: parseCookieName,
  [keys.COOKIE_SAME_SITE]: parseSameSite,
  [keys.POD_CONCURRENT_CONNECTIONS]: parseCount,
  [keys.RATE_LIMIT]: parseBool,
  [keys.RATE_LIMIT_CONCURRENT_TCP]: parseCount,
  [keys.RATE_LIMIT_RATE_HTTP]: parseCount,
  [keys.RATE_LIMIT_RATE_TCP]: parseCount,
  [keys.IP_ALLOWLIST]: parseIpList,
  [keys.IP_WHITELIST]: parseIpList,
  [keys.REWRITE_TARGET]: parseRewriteTarget,
  [keys.HEALTH_CHECK_INTERVAL]: parseTimeSpec,
  [keys.SET_FORWARDED_HEADERS]: (value) =>
    FORWARDED_POLICIES.includes(value)
      ? { ok: true, value }
      : { ok: false, problem: `is not one of ${FORWARDED_POLICIES.join(', ')}` },
  [keys.REQUEST_SET_HEADER]: parseHeaderSetting,
  [keys.RESPONSE_SET_HEADER]: parseHeaderSetting,
};

export interface RouterAnnotation {
  key: string;
  value: string;
  /** How the router reads it; undefined for a router annotation acpnet does not know. */
  parsed: Parsed<unknown> | undefined;
}

export function isRouterAnnotation(key: string): boolean {
  return keys.ROUTER_ANNOTATION_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** The Route's annotations for the router (haproxy.router.openshift.io/*, router.openshift.io/*), in key order. */
export function routerAnnotations(route: Route): RouterAnnotation[] {
  return Object.entries(route.metadata.annotations ?? {})
    .filter(([key]) => isRouterAnnotation(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => ({ key, value, parsed: parsers[key]?.(value) }));
}

/** A parsed value of a known annotation, when the router would use it. */
export function annotationValue<T>(route: Route, key: string): T | undefined {
  const value = route.metadata.annotations?.[key];
  if (value === undefined) return undefined;
  const parsed = parsers[key]?.(value);
  return parsed?.ok ? (parsed.value as T) : undefined;
}

export type Termination = 'http' | 'edge' | 'reencrypt' | 'passthrough';

export function terminationOf(route: Route): Termination {
  return route.spec.tls?.termination ?? 'http';
}

const RATE_LIMIT_DETAILS = [
  keys.RATE_LIMIT_CONCURRENT_TCP,
  keys.RATE_LIMIT_RATE_HTTP,
  keys.RATE_LIMIT_RATE_TCP,
];
const HTTP_ONLY = [
  keys.COOKIE_NAME,
  keys.DISABLE_COOKIES,
  keys.COOKIE_SAME_SITE,
  keys.REWRITE_TARGET,
  keys.RATE_LIMIT_RATE_HTTP,
  keys.SET_FORWARDED_HEADERS,
  keys.REQUEST_SET_HEADER,
  keys.RESPONSE_SET_HEADER,
];

/**
 * Annotations the router reads but that have no effect on this Route, by key, with the reason (as the
 * router's configuration template applies them).
 */
export function ineffectiveAnnotations(route: Route): Map<string, string> {
  const present = new Set(Object.keys(route.metadata.annotations ?? {}));
  const termination = terminationOf(route);
  const out = new Map<string, string>();
  if (present.has(keys.HSTS_HEADER) && termination !== 'edge' && termination !== 'reencrypt')
    out.set(keys.HSTS_HEADER, 'the router sets the HSTS header only on edge and reencrypt Routes');
  if (termination === 'passthrough') {
    for (const key of HTTP_ONLY)
      if (present.has(key))
        out.set(key, 'a passthrough Route is not HTTP to the router, which only forwards TLS');
    if (present.has(keys.TIMEOUT) && present.has(keys.TIMEOUT_TUNNEL))
      out.set(keys.TIMEOUT, 'on a passthrough Route the router uses timeout-tunnel when both are set');
  }
  if (annotationValue<boolean>(route, keys.RATE_LIMIT) !== true)
    for (const key of RATE_LIMIT_DETAILS)
      if (present.has(key) && !out.has(key))
        out.set(key, `the router applies it only with ${keys.RATE_LIMIT}: "true"`);
  if (present.has(keys.IP_ALLOWLIST) && present.has(keys.IP_WHITELIST))
    out.set(keys.IP_WHITELIST, `the router reads ${keys.IP_ALLOWLIST} instead`);
  if (annotationValue<boolean>(route, keys.DISABLE_COOKIES) === true) {
    for (const key of [keys.COOKIE_NAME, keys.COOKIE_SAME_SITE])
      if (present.has(key) && !out.has(key)) out.set(key, `cookies are disabled by ${keys.DISABLE_COOKIES}`);
  }
  if (present.has(keys.COOKIE_SAME_SITE) && !out.has(keys.COOKIE_SAME_SITE) && termination === 'http')
    out.set(keys.COOKIE_SAME_SITE, 'the router sets SameSite only on edge and reencrypt Routes');
  return out;
}
