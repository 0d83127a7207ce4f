import { z } from 'zod';
import { kubeObject } from '../meta.js';
import {
  duration,
  durationMillis,
  headerName,
  headerValue,
  httpPathCharsPattern,
  looseStatus,
  routeHostnames,
} from './common.js';
import { httpMethod, httpRouteFilters } from './http-filters.js';
import { mapListByName, refineRouteRules, setOf } from './lists.js';
import { backendRefWith, parentRefs } from './references.js';
import { sessionPersistence } from './session-persistence.js';

/** The upstream CEL rules on Exact and PathPrefix path values, each with its message. */
const literalPathChecks: readonly [(value: string) => boolean, string][] = [
  [(v) => v.startsWith('/'), "value must be an absolute path and start with '/'"],
  [(v) => !v.includes('//'), "must not contain '//'"],
  [(v) => !v.includes('/./'), "must not contain '/./'"],
  [(v) => !v.includes('/../'), "must not contain '/../'"],
  [(v) => !v.includes('%2f') && !v.includes('%2F'), "must not contain '%2f' or '%2F'"],
  [(v) => !v.includes('#'), "must not contain '#'"],
  [(v) => !v.endsWith('/..'), "must not end with '/..'"],
  [(v) => !v.endsWith('/.'), "must not end with '/.'"],
  [(v) => httpPathCharsPattern.test(v), 'must only contain valid characters (RFC 3986 path characters)'],
];

export const httpPathMatch = z
  .strictObject({
    type: z.enum(['Exact', 'PathPrefix', 'RegularExpression']).optional(),
    value: z.string().max(1024).optional(),
  })
  .superRefine((path, ctx) => {
    if ((path.type ?? 'PathPrefix') === 'RegularExpression') return;
    const value = path.value ?? '/';
    for (const [ok, message] of literalPathChecks) {
      if (!ok(value))
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `${message} when type is Exact or PathPrefix`,
        });
    }
  });

const matchType = z.enum(['Exact', 'RegularExpression']);

export const httpRouteMatch = z.strictObject({
  path: httpPathMatch.optional(),
  headers: mapListByName(
    z.strictObject({ type: matchType.optional(), name: headerName, value: headerValue }),
    16,
  ).optional(),
  queryParams: mapListByName(
    z.strictObject({ type: matchType.optional(), name: headerName, value: z.string().min(1).max(1024) }),
    16,
  ).optional(),
  method: httpMethod.optional(),
});

export const httpRouteTimeouts = z
  .strictObject({ request: duration.optional(), backendRequest: duration.optional() })
  .superRefine((t, ctx) => {
    if (t.request === undefined || t.backendRequest === undefined) return;
    const request = durationMillis(t.request);
    if (request !== 0 && durationMillis(t.backendRequest) > request) {
      ctx.addIssue({
        code: 'custom',
        path: ['backendRequest'],
        message: `backendRequest timeout cannot be longer than request timeout (${t.backendRequest} > ${t.request})`,
      });
    }
  });

export const httpRouteRetry = z.strictObject({
  codes: setOf(z.int().min(400).max(599)).optional(),
  attempts: z.int().min(1).optional(),
  backoff: duration.optional(),
});

const httpBackendRef = backendRefWith({ filters: httpRouteFilters.optional() });

type FilterLike = {
  type: string;
  requestRedirect?: { path?: { type: string } };
  urlRewrite?: { path?: { type: string } };
};

function usesReplacePrefix(
  filters: readonly FilterLike[] | undefined,
  field: 'requestRedirect' | 'urlRewrite',
) {
  return (filters ?? []).some((f) => f[field]?.path?.type === 'ReplacePrefixMatch');
}

function hasSinglePathPrefixMatch(matches: readonly z.infer<typeof httpRouteMatch>[] | undefined) {
  if (matches === undefined) return true; // defaulted to one PathPrefix "/" match
  if (matches.length !== 1) return false;
  return (matches[0]?.path?.type ?? 'PathPrefix') === 'PathPrefix';
}

export const httpRouteRule = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .max(253)
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/)
      .optional(),
    matches: z.array(httpRouteMatch).max(64).optional(),
    filters: httpRouteFilters.optional(),
    backendRefs: z.array(httpBackendRef).max(16).optional(),
    timeouts: httpRouteTimeouts.optional(),
    retry: httpRouteRetry.optional(),
    sessionPersistence: sessionPersistence.optional(),
  })
  .superRefine((rule, ctx) => {
    if ((rule.backendRefs?.length ?? 0) > 0) {
      const redirect = (rule.filters ?? []).findIndex((f) => f.requestRedirect !== undefined);
      if (redirect >= 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['filters', redirect],
          message: 'RequestRedirect filter must not be used together with backendRefs',
        });
      }
    }
    if (hasSinglePathPrefixMatch(rule.matches)) return;
    for (const field of ['requestRedirect', 'urlRewrite'] as const) {
      const name = field === 'requestRedirect' ? 'RequestRedirect' : 'URLRewrite';
      if (usesReplacePrefix(rule.filters, field)) {
        ctx.addIssue({
          code: 'custom',
          path: ['matches'],
          message: `When using ${name} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified`,
        });
      }
      if ((rule.backendRefs ?? []).some((b) => usesReplacePrefix(b.filters, field))) {
        ctx.addIssue({
          code: 'custom',
          path: ['matches'],
          message: `Within backendRefs, when using ${name} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified`,
        });
      }
    }
  });

export const httpRouteSpec = z.strictObject({
  parentRefs: parentRefs.optional(),
  hostnames: routeHostnames.optional(),
  rules: z
    .array(httpRouteRule)
    .min(1)
    .max(16)
    .superRefine((rules, ctx) => refineRouteRules(rules, ctx, 1))
    .optional(),
  useDefaultGateways: z.enum(['All', 'None']).optional(),
});

const httpRouteBody = { spec: httpRouteSpec, status: looseStatus };

export const httpRouteV1 = kubeObject('gateway.networking.k8s.io/v1', 'HTTPRoute', httpRouteBody);
export const httpRouteV1beta1 = kubeObject('gateway.networking.k8s.io/v1beta1', 'HTTPRoute', httpRouteBody);

/** An HTTPRoute of any served version (the versions share one schema). */
export type HTTPRoute = z.infer<typeof httpRouteV1> | z.infer<typeof httpRouteV1beta1>;
export type HTTPRouteSpec = z.infer<typeof httpRouteSpec>;
export type HTTPRouteRule = z.infer<typeof httpRouteRule>;
export type HTTPRouteMatch = z.infer<typeof httpRouteMatch>;
export type HTTPPathMatch = z.infer<typeof httpPathMatch>;
export type HTTPRouteTimeouts = z.infer<typeof httpRouteTimeouts>;
export type HTTPRouteRetry = z.infer<typeof httpRouteRetry>;
export type HTTPBackendRef = z.infer<typeof httpBackendRef>;
