import { z } from 'zod';
import { headerName, headerValue, httpPathCharsPattern, portNumber, preciseHostname } from './common.js';
import { mapListByName, setOf } from './lists.js';
import { backendObjectReference, localObjectReference } from './references.js';

/** HTTPRoute (and GRPCRoute) filters with the upstream limits and the CEL rules on one filter or list. */

const headerEntry = z.strictObject({ name: headerName, value: headerValue });

export const headerModifier = z.strictObject({
  set: mapListByName(headerEntry, 16).optional(),
  add: mapListByName(headerEntry, 16).optional(),
  remove: setOf(z.string(), 16).optional(),
});

export const requestMirror = z
  .strictObject({
    backendRef: backendObjectReference,
    percent: z.int().min(0).max(100).optional(),
    fraction: z
      .strictObject({ numerator: z.int().min(0), denominator: z.int().min(1).optional() })
      .superRefine((f, ctx) => {
        if (f.numerator > (f.denominator ?? 100)) {
          ctx.addIssue({
            code: 'custom',
            path: ['numerator'],
            message: 'numerator must be less than or equal to denominator',
          });
        }
      })
      .optional(),
  })
  .superRefine((m, ctx) => {
    if (m.percent !== undefined && m.fraction !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['fraction'],
        message: 'Only one of percent or fraction may be specified in HTTPRequestMirrorFilter',
      });
    }
  });

export const pathModifier = z
  .strictObject({
    type: z.enum(['ReplaceFullPath', 'ReplacePrefixMatch']),
    replaceFullPath: z.string().max(1024).optional(),
    replacePrefixMatch: z.string().max(1024).optional(),
  })
  .superRefine((p, ctx) => {
    for (const type of ['ReplaceFullPath', 'ReplacePrefixMatch'] as const) {
      const field = type === 'ReplaceFullPath' ? 'replaceFullPath' : 'replacePrefixMatch';
      if (p.type === type && p[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} must be specified when type is set to '${type}'`,
        });
      }
      if (p[field] !== undefined && p.type !== type) {
        ctx.addIssue({
          code: 'custom',
          path: ['type'],
          message: `type must be '${type}' when ${field} is set`,
        });
      }
    }
  });

export const requestRedirect = z.strictObject({
  scheme: z.enum(['http', 'https']).optional(),
  hostname: preciseHostname.optional(),
  path: pathModifier.optional(),
  port: portNumber.optional(),
  statusCode: z
    .union([z.literal(301), z.literal(302), z.literal(303), z.literal(307), z.literal(308)], {
      error: 'must be one of 301, 302, 303, 307, 308',
    })
    .optional(),
});

export const urlRewrite = z.strictObject({
  hostname: preciseHostname.optional(),
  path: pathModifier.optional(),
});

const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;
export const httpMethod = z.enum(httpMethods);

const corsOrigin = z
  .string()
  .min(1)
  .max(253)
  .regex(
    /(^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)/,
    'must be "*" or an http(s) origin',
  );

function starAlone(field: string, what: string) {
  return (values: readonly string[], ctx: z.RefinementCtx) => {
    if (values.includes('*') && values.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `${field} cannot contain '*' alongside other ${what}`,
      });
    }
  };
}

export const cors = z.strictObject({
  allowOrigins: setOf(corsOrigin, 64).superRefine(starAlone('AllowOrigins', 'origins')).optional(),
  allowCredentials: z.boolean().optional(),
  allowMethods: setOf(z.enum([...httpMethods, '*']), 9)
    .superRefine(starAlone('AllowMethods', 'methods'))
    .optional(),
  allowHeaders: setOf(headerName, 64).superRefine(starAlone('AllowHeaders', 'headers')).optional(),
  exposeHeaders: setOf(headerName, 64).optional(),
  maxAge: z.int().min(1).optional(),
});

export const externalAuth = z
  .strictObject({
    protocol: z.enum(['HTTP', 'GRPC']),
    backendRef: backendObjectReference,
    grpc: z.strictObject({ allowedHeaders: setOf(z.string(), 64).optional() }).optional(),
    http: z
      .strictObject({
        path: z.string().max(1024).regex(httpPathCharsPattern, 'must be a valid HTTP path').optional(),
        allowedHeaders: setOf(z.string(), 64).optional(),
        allowedResponseHeaders: setOf(z.string(), 64).optional(),
      })
      .optional(),
    forwardBody: z.strictObject({ maxSize: z.int().optional() }).optional(),
  })
  .superRefine((auth, ctx) => {
    for (const [protocol, field] of [
      ['GRPC', 'grpc'],
      ['HTTP', 'http'],
    ] as const) {
      if (auth.protocol === protocol && auth[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} must be specified when protocol is set to '${protocol}'`,
        });
      }
      if (auth[field] !== undefined && auth.protocol !== protocol) {
        ctx.addIssue({
          code: 'custom',
          path: ['protocol'],
          message: `protocol must be '${protocol}' when ${field} is set`,
        });
      }
    }
  });

/** The filter types and the field each one carries. */
const filterFields = {
  RequestHeaderModifier: 'requestHeaderModifier',
  ResponseHeaderModifier: 'responseHeaderModifier',
  RequestMirror: 'requestMirror',
  RequestRedirect: 'requestRedirect',
  URLRewrite: 'urlRewrite',
  ExtensionRef: 'extensionRef',
  CORS: 'cors',
  ExternalAuth: 'externalAuth',
} as const;
type FilterType = keyof typeof filterFields;

/** Each filter carries exactly the field its type names. */
export function refineFilterFields(filter: { type: string } & Record<string, unknown>, ctx: z.RefinementCtx) {
  for (const [type, field] of Object.entries(filterFields)) {
    if (filter[field] !== undefined && filter.type !== type) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `filter.${field} must be nil if the filter.type is not ${type}`,
      });
    }
    if (filter[field] === undefined && filter.type === type) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `filter.${field} must be specified for ${type} filter.type`,
      });
    }
  }
}

export const httpRouteFilter = z
  .strictObject({
    type: z.enum(Object.keys(filterFields) as [FilterType, ...FilterType[]]),
    requestHeaderModifier: headerModifier.optional(),
    responseHeaderModifier: headerModifier.optional(),
    requestMirror: requestMirror.optional(),
    requestRedirect: requestRedirect.optional(),
    urlRewrite: urlRewrite.optional(),
    extensionRef: localObjectReference.optional(),
    cors: cors.optional(),
    externalAuth: externalAuth.optional(),
  })
  .superRefine(refineFilterFields);
export type HTTPRouteFilter = z.infer<typeof httpRouteFilter>;

/** Filters that may appear at most once in one list. */
export function refineFilterRepeats(
  filters: readonly { type: string }[],
  unrepeatable: readonly string[],
  ctx: z.RefinementCtx,
) {
  for (const type of unrepeatable) {
    const indexes = filters.flatMap((f, i) => (f.type === type ? [i] : []));
    for (const i of indexes.slice(1)) {
      ctx.addIssue({ code: 'custom', path: [i, 'type'], message: `${type} filter cannot be repeated` });
    }
  }
}

export const httpRouteFilters = z
  .array(httpRouteFilter)
  .max(16)
  .superRefine((filters, ctx) => {
    const redirect = filters.findIndex((f) => f.type === 'RequestRedirect');
    const rewrite = filters.findIndex((f) => f.type === 'URLRewrite');
    if (redirect >= 0 && rewrite >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: [Math.max(redirect, rewrite), 'type'],
        message:
          'May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both',
      });
    }
    refineFilterRepeats(
      filters,
      ['CORS', 'RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite'],
      ctx,
    );
  });
