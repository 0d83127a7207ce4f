import { z } from 'zod';

/** Field types shared by the Gateway API kinds, with the limits and patterns of the upstream CRDs. */

const dnsSubdomainBody = '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
export const dnsSubdomainPattern = new RegExp(`^${dnsSubdomainBody}$`);
export const wildcardHostnamePattern = new RegExp(`^(\\*\\.)?${dnsSubdomainBody}$`);
export const durationPattern = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;
export const headerNamePattern = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
// Upstream's `^[!-~]+([\t ]?[!-~]+)*$` says the same, but a backtracking engine takes exponential time
// on it (a 40-character value ending in a newline blocks for hours): the separator is made mandatory.
export const headerValuePattern = /^[!-~]+([\t ][!-~]+)*$/;
export const httpPathCharsPattern = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;
export const controllerNamePattern = new RegExp(`^${dnsSubdomainBody}\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$`);

/** A hostname that may start with a `*.` wildcard label (listeners, route hostnames). */
export const hostname = z
  .string()
  .min(1)
  .max(253)
  .regex(wildcardHostnamePattern, 'must be a lowercase RFC 1123 hostname, optionally prefixed by "*."');

/** A hostname without wildcard (redirect and rewrite targets, TLS validation). */
export const preciseHostname = z
  .string()
  .min(1)
  .max(253)
  .regex(dnsSubdomainPattern, 'must be a lowercase RFC 1123 hostname without wildcard');

export const group = z
  .string()
  .max(253)
  .regex(new RegExp(`^$|^${dnsSubdomainBody}$`), 'must be empty or a lowercase RFC 1123 subdomain');

export const kind = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/, 'must be a kind name: letters, digits and "-"');

export const objectName = z.string().min(1).max(253);

export const namespace = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lowercase RFC 1123 label');

export const sectionName = z
  .string()
  .min(1)
  .max(253)
  .regex(dnsSubdomainPattern, 'must be a lowercase RFC 1123 subdomain');

export const portNumber = z.int().min(1).max(65535);

export const duration = z
  .string()
  .regex(durationPattern, 'must be a duration such as 1h, 10s or 500ms (^([0-9]{1,5}(h|m|s|ms)){1,4}$)');

export const headerName = z
  .string()
  .min(1)
  .max(256)
  .regex(headerNamePattern, 'must be a valid HTTP header name (RFC 7230 token)');

export const headerValue = z
  .string()
  .min(1)
  .max(4096)
  .regex(headerValuePattern, 'must be printable ASCII without leading, trailing or repeated whitespace');

/** Whatever the controller writes back; never judged by admission. */
export const looseStatus = z.looseObject({}).optional();

export const labelSelector = z.strictObject({
  matchLabels: z.record(z.string(), z.string()).optional(),
  matchExpressions: z
    .array(
      z.strictObject({
        key: z.string(),
        operator: z.string(),
        values: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});

export const routeHostnames = z.array(hostname).max(16);

/** Converts an upstream duration string (`1h30m`, `500ms`) to milliseconds. */
export function durationMillis(value: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let total = 0;
  for (const match of value.matchAll(/([0-9]+)(ms|h|m|s)/g)) {
    total += Number(match[1]) * (units[match[2] ?? ''] ?? 0);
  }
  return total;
}
