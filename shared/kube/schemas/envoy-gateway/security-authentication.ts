import { z } from 'zod';
import { duration, headerName, preciseHostname } from '../gateway-api/common.js';
import { secretObjectReference } from '../gateway-api/references.js';
import { egBackendRef } from './common.js';

/** The ways a SecurityPolicy authenticates requests: API keys, basic auth, external auth, JWT and OIDC. */

const nonEmptyStrings = z.array(z.string().min(1)).min(1);

export const apiKeyAuth = z.strictObject({
  credentialRefs: z.array(secretObjectReference),
  extractFrom: z
    .array(
      z
        .strictObject({
          headers: nonEmptyStrings.optional(),
          params: nonEmptyStrings.optional(),
          cookies: nonEmptyStrings.optional(),
        })
        .superRefine((from, ctx) => {
          const set = [from.headers, from.params, from.cookies].filter((x) => x !== undefined).length;
          if (set !== 1) {
            ctx.addIssue({
              code: 'custom',
              path: [],
              message: 'exactly one of headers, params, or cookies must be specified',
            });
          }
        }),
    )
    .min(1),
  forwardClientIDHeader: z.string().optional(),
  sanitize: z.boolean().optional(),
});

export const basicAuth = z.strictObject({
  users: secretObjectReference,
  forwardUsernameHeader: z.string().optional(),
});

function extAuthService(extra: z.ZodRawShape) {
  return z
    .strictObject({
      backendRef: egBackendRef.optional(),
      backendRefs: z.array(egBackendRef).max(16).optional(),
      ...extra,
    })
    .superRefine((svc, ctx) => {
      const refs = svc.backendRefs as unknown[] | undefined;
      if (svc.backendRef === undefined && (refs?.length ?? 0) === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['backendRefs'],
          message: 'backendRef or backendRefs needs to be set',
        });
      }
    });
}

export const extAuth = z
  .strictObject({
    http: extAuthService({
      path: z.string().optional(),
      headersToBackend: z.array(z.string()).optional(),
    }).optional(),
    grpc: extAuthService({}).optional(),
    headersToExtAuth: z.array(z.string()).optional(),
    failOpen: z.boolean().optional(),
    recomputeRoute: z.boolean().optional(),
    timeout: duration.optional(),
    bodyToExtAuth: z.strictObject({ maxRequestBytes: z.int().min(1) }).optional(),
  })
  .superRefine((auth, ctx) => {
    if ((auth.http === undefined) === (auth.grpc === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'exactly one of grpc or http must be specified' });
    }
  });

const jwtProvider = z
  .strictObject({
    name: z.string().min(1).max(253),
    issuer: z.string().max(253).optional(),
    audiences: z.array(z.string()).max(8).optional(),
    remoteJWKS: z
      .strictObject({
        uri: z.string().min(1).max(253),
        cacheDuration: duration.optional(),
        failedRefetchDuration: duration.optional(),
      })
      .optional(),
    localJWKS: z
      .strictObject({ type: z.enum(['Inline', 'ValueRef']).optional(), inline: z.string().optional() })
      .optional(),
    claimToHeaders: z.array(z.strictObject({ header: z.string(), claim: z.string() })).optional(),
    recomputeRoute: z.boolean().optional(),
    extractFrom: z
      .strictObject({
        headers: z.array(z.strictObject({ name: z.string(), valuePrefix: z.string().optional() })).optional(),
        cookies: z.array(z.string()).optional(),
        params: z.array(z.string()).optional(),
      })
      .optional(),
  })
  .superRefine((p, ctx) => {
    if ((p.remoteJWKS === undefined) === (p.localJWKS === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['remoteJWKS'],
        message: 'exactly one of remoteJWKS or localJWKS must be specified',
      });
    }
    if (p.recomputeRoute === true && (p.claimToHeaders?.length ?? 0) === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['claimToHeaders'],
        message: 'claimToHeaders must be specified if recomputeRoute is enabled',
      });
    }
  });

export const jwt = z
  .strictObject({
    providers: z.array(jwtProvider).min(1).max(16),
    optional: z.boolean().optional(),
    failOpen: z.boolean().optional(),
  })
  .superRefine((j, ctx) => {
    if (j.optional !== undefined && j.failOpen !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['failOpen'],
        message: 'optional and failOpen cannot both be set',
      });
    }
  });

export const oidc = z
  .strictObject({
    provider: z.strictObject({
      issuer: z.string().min(1),
      authorizationEndpoint: z.string().optional(),
      tokenEndpoint: z.string().optional(),
      endSessionEndpoint: z.string().optional(),
    }),
    clientID: z.string().min(1).optional(),
    clientIDRef: secretObjectReference.optional(),
    clientSecret: secretObjectReference,
    redirectURL: z.string().optional(),
    logoutPath: z.string().optional(),
    scopes: z.array(z.string()).optional(),
    resources: z.array(z.string()).optional(),
    cookieDomain: preciseHostname.optional(),
    forwardAccessToken: z.boolean().optional(),
    forwardIDToken: z.strictObject({ header: headerName }).optional(),
    passThroughAuthHeader: z.boolean().optional(),
    refreshToken: z.boolean().optional(),
    defaultTokenTTL: duration.optional(),
    defaultRefreshTokenTTL: duration.optional(),
  })
  .superRefine((o, ctx) => {
    if ((o.clientID === undefined) === (o.clientIDRef === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['clientID'],
        message: 'only one of clientID or clientIDRef must be set',
      });
    }
  });
