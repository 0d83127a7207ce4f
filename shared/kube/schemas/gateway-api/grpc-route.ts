import { z } from 'zod';
import { kubeObject } from '../meta.js';
import { headerName, looseStatus, routeHostnames, sectionName } from './common.js';
import { headerModifier, refineFilterFields, refineFilterRepeats, requestMirror } from './http-filters.js';
import { mapListByName, refineRouteRules } from './lists.js';
import { backendRefWith, localObjectReference, parentRefs } from './references.js';
import { sessionPersistence } from './session-persistence.js';

const grpcServicePattern = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;
const grpcMethodPattern = /^[A-Za-z_][A-Za-z_0-9]*$/;

export const grpcMethodMatch = z
  .strictObject({
    type: z.enum(['Exact', 'RegularExpression']).optional(),
    service: z.string().max(1024).optional(),
    method: z.string().max(1024).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.service === undefined && m.method === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: "One or both of 'service' or 'method' must be specified",
      });
    }
    if ((m.type ?? 'Exact') !== 'Exact') return;
    if (m.service !== undefined && !grpcServicePattern.test(m.service)) {
      ctx.addIssue({
        code: 'custom',
        path: ['service'],
        message:
          'service must only contain valid characters (matching ^(?i)\\.?[a-z_][a-z_0-9]*(\\.[a-z_][a-z_0-9]*)*$)',
      });
    }
    if (m.method !== undefined && !grpcMethodPattern.test(m.method)) {
      ctx.addIssue({
        code: 'custom',
        path: ['method'],
        message: 'method must only contain valid characters (matching ^[A-Za-z_][A-Za-z_0-9]*$)',
      });
    }
  });

export const grpcRouteMatch = z.strictObject({
  method: grpcMethodMatch.optional(),
  headers: mapListByName(
    z.strictObject({
      type: z.enum(['Exact', 'RegularExpression']).optional(),
      name: headerName,
      value: z.string().min(1).max(4096),
    }),
    16,
  ).optional(),
});

const grpcFilterTypes = [
  'ResponseHeaderModifier',
  'RequestHeaderModifier',
  'RequestMirror',
  'ExtensionRef',
] as const;

export const grpcRouteFilter = z
  .strictObject({
    type: z.enum(grpcFilterTypes),
    requestHeaderModifier: headerModifier.optional(),
    responseHeaderModifier: headerModifier.optional(),
    requestMirror: requestMirror.optional(),
    extensionRef: localObjectReference.optional(),
  })
  .superRefine(refineFilterFields);

const grpcRouteFilters = z
  .array(grpcRouteFilter)
  .max(16)
  .superRefine((filters, ctx) =>
    refineFilterRepeats(filters, ['RequestHeaderModifier', 'ResponseHeaderModifier'], ctx),
  );

const grpcBackendRef = backendRefWith({ filters: grpcRouteFilters.optional() });

export const grpcRouteRule = z.strictObject({
  name: sectionName.optional(),
  matches: z.array(grpcRouteMatch).max(64).optional(),
  filters: grpcRouteFilters.optional(),
  backendRefs: z.array(grpcBackendRef).max(16).optional(),
  sessionPersistence: sessionPersistence.optional(),
});

export const grpcRouteSpec = z.strictObject({
  parentRefs: parentRefs.optional(),
  hostnames: routeHostnames.optional(),
  rules: z
    .array(grpcRouteRule)
    .max(16)
    .superRefine((rules, ctx) => refineRouteRules(rules, ctx, 0))
    .optional(),
  useDefaultGateways: z.enum(['All', 'None']).optional(),
});

const grpcRouteBody = { spec: grpcRouteSpec, status: looseStatus };

export const grpcRouteV1 = kubeObject('gateway.networking.k8s.io/v1', 'GRPCRoute', grpcRouteBody);
/** v1alpha2 is no longer served upstream but older manifests (and Envoy Gateway's tests) still carry it. */
export const grpcRouteV1alpha2 = kubeObject('gateway.networking.k8s.io/v1alpha2', 'GRPCRoute', grpcRouteBody);

export type GRPCRoute = z.infer<typeof grpcRouteV1> | z.infer<typeof grpcRouteV1alpha2>;
export type GRPCRouteSpec = z.infer<typeof grpcRouteSpec>;
export type GRPCRouteRule = z.infer<typeof grpcRouteRule>;
export type GRPCRouteMatch = z.infer<typeof grpcRouteMatch>;
export type GRPCRouteFilter = z.infer<typeof grpcRouteFilter>;
