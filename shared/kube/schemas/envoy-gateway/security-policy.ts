import { z } from 'zod';
import { duration, looseStatus } from '../gateway-api/common.js';
import { setOf } from '../gateway-api/lists.js';
import { kubeObject } from '../meta.js';
import { cidr, httpMethodNames } from './common.js';
import { mergeType, policyTargetShape, refineMergeType, refinePolicyTargets } from './policy-targets.js';
import { apiKeyAuth, basicAuth, extAuth, jwt, oidc } from './security-authentication.js';

const headerPrincipal = z.strictObject({
  name: z.string().min(1).max(256),
  values: z.array(z.string()).min(1).max(256),
});

const jwtPrincipal = z
  .strictObject({
    provider: z.string().min(1).max(253),
    scopes: z.array(z.string().min(1).max(253)).min(1).max(16).optional(),
    claims: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(253),
          valueType: z.enum(['String', 'StringArray']).optional(),
          values: z.array(z.string()).min(1).max(128),
        }),
      )
      .min(1)
      .max(16)
      .optional(),
  })
  .superRefine((j, ctx) => {
    if (j.claims === undefined && j.scopes === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'at least one of claims or scopes must be specified',
      });
    }
  });

const authorizationRule = z
  .strictObject({
    name: z.string().min(1).max(253).optional(),
    action: z.enum(['Allow', 'Deny']),
    operation: z
      .strictObject({
        methods: z.array(z.enum(httpMethodNames)).min(1).max(16).optional(),
        path: z
          .strictObject({
            type: z.enum(['Exact', 'PathPrefix', 'RegularExpression']).optional(),
            value: z.string().max(1024),
            invert: z.boolean().optional(),
          })
          .optional(),
      })
      .superRefine((op, ctx) => {
        if (op.methods === undefined && op.path === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [],
            message: 'at least one of methods or path must be specified',
          });
        }
      })
      .optional(),
    principal: z
      .strictObject({
        clientCIDRs: z.array(cidr).min(1).optional(),
        headers: z.array(headerPrincipal).min(1).max(256).optional(),
        jwt: jwtPrincipal.optional(),
      })
      .superRefine((p, ctx) => {
        if (p.clientCIDRs === undefined && p.headers === undefined && p.jwt === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [],
            message: 'at least one of clientCIDRs, jwt, headers, or clientIPGeoLocations must be specified',
          });
        }
      })
      .optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.principal === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['principal'],
        message: 'at least one of principal or cel must be specified',
      });
    }
  });

export const authorization = z.strictObject({
  defaultAction: z.enum(['Allow', 'Deny']).optional(),
  rules: z.array(authorizationRule).optional(),
});

// Upstream's host part `(([\w-]+\.?)+)?[\w-]+` takes a backtracking engine exponential time on a
// long label that does not match; `[\w-]+(\.[\w-]+)*` is the same language without the ambiguity.
const corsOrigin = z
  .string()
  .min(1)
  .max(253)
  .regex(
    /^(\*|[A-Za-z][A-Za-z0-9+.-]*:\/\/(\*|(\*\.)?[\w-]+(\.[\w-]+)*)(:\d{1,5})?)$/,
    'must be "*" or an origin such as https://example.com or https://*.example.com',
  );

export const securityCors = z.strictObject({
  allowOrigins: z.array(corsOrigin).optional(),
  allowMethods: setOf(z.enum([...httpMethodNames, '*'])).optional(),
  allowHeaders: z.array(z.string()).optional(),
  exposeHeaders: z.array(z.string()).optional(),
  maxAge: duration.optional(),
  allowCredentials: z.boolean().optional(),
});

const securityTargetKinds = ['Gateway', 'ListenerSet', 'HTTPRoute', 'GRPCRoute', 'TCPRoute'];

export const securityPolicySpec = z
  .strictObject({
    ...policyTargetShape,
    apiKeyAuth: apiKeyAuth.optional(),
    authorization: authorization.optional(),
    basicAuth: basicAuth.optional(),
    cors: securityCors.optional(),
    extAuth: extAuth.optional(),
    jwt: jwt.optional(),
    oidc: oidc.optional(),
    mergeType: mergeType.optional(),
  })
  .superRefine((spec, ctx) => {
    refinePolicyTargets(spec, securityTargetKinds, ctx);
    const usesJwtPrincipal = (spec.authorization?.rules ?? []).some((r) => r.principal?.jwt !== undefined);
    if (usesJwtPrincipal && spec.jwt === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['jwt'],
        message: 'if authorization.rules.principal.jwt is used, jwt must be defined',
      });
    }
    refineMergeType(spec, ['HTTPRoute', 'GRPCRoute', 'TCPRoute'], ctx);
  });

export const securityPolicyV1alpha1 = kubeObject('gateway.envoyproxy.io/v1alpha1', 'SecurityPolicy', {
  spec: securityPolicySpec,
  status: looseStatus,
});

export type SecurityPolicy = z.infer<typeof securityPolicyV1alpha1>;
export type SecurityPolicySpec = z.infer<typeof securityPolicySpec>;
