import { z } from 'zod';
import { duration, durationPattern, looseStatus } from '../gateway-api/common.js';
import { kubeObject } from '../meta.js';
import {
  activeHealthCheck,
  admissionControl,
  circuitBreaker,
  loadBalancer,
  passiveHealthCheck,
} from './backend-resilience.js';
import { quantity, tcpKeepalive } from './common.js';
import { mergeType, policyTargetShape, refineMergeType, refinePolicyTargets } from './policy-targets.js';
import { type localRateLimitRule, rateLimit } from './rate-limit.js';

/** `requestTimeout` also takes "unlimited" (the platform guide documents it to disable the timeout). */
const requestTimeout = z
  .string()
  .refine(
    (v) => v === 'unlimited' || durationPattern.test(v),
    'must be a duration such as 30s, or "unlimited"',
  );

const backendTimeout = z.strictObject({
  tcp: z.strictObject({ connectTimeout: duration.optional() }).optional(),
  http: z
    .strictObject({
      connectionIdleTimeout: duration.optional(),
      maxConnectionDuration: duration.optional(),
      requestTimeout: requestTimeout.optional(),
      maxStreamDuration: duration.optional(),
      streamIdleTimeout: duration.optional(),
    })
    .optional(),
});

const admissionControlKinds = ['Gateway', 'ListenerSet', 'HTTPRoute', 'GRPCRoute'];
const routeKinds = ['HTTPRoute', 'GRPCRoute', 'UDPRoute', 'TCPRoute', 'TLSRoute'];

export const backendTrafficPolicySpec = z
  .strictObject({
    ...policyTargetShape,
    circuitBreaker: circuitBreaker.optional(),
    connection: z
      .strictObject({ bufferLimit: quantity.optional(), socketBufferLimit: quantity.optional() })
      .optional(),
    healthCheck: z
      .strictObject({ active: activeHealthCheck.optional(), passive: passiveHealthCheck.optional() })
      .optional(),
    loadBalancer: loadBalancer.optional(),
    rateLimit: rateLimit.optional(),
    timeout: backendTimeout.optional(),
    tcpKeepalive: tcpKeepalive.optional(),
    proxyProtocol: z.strictObject({ version: z.enum(['V1', 'V2']) }).optional(),
    routingType: z.enum(['Service', 'Endpoint']).optional(),
    useClientProtocol: z.boolean().optional(),
    admissionControl: admissionControl.optional(),
    mergeType: mergeType.optional(),
  })
  .superRefine((spec, ctx) => {
    refinePolicyTargets(spec, ['Gateway', 'ListenerSet', ...routeKinds], ctx);
    const targets = [...(spec.targetRef ? [spec.targetRef] : []), ...(spec.targetRefs ?? [])];
    if (spec.admissionControl !== undefined && targets.some((t) => !admissionControlKinds.includes(t.kind))) {
      ctx.addIssue({
        code: 'custom',
        path: ['admissionControl'],
        message:
          'admissionControl can only be used with HTTPRoute, GRPCRoute, Gateway, or ListenerSet targets',
      });
    }
    refineMergeType(spec, routeKinds, ctx);
  });

export const backendTrafficPolicyV1alpha1 = kubeObject(
  'gateway.envoyproxy.io/v1alpha1',
  'BackendTrafficPolicy',
  {
    spec: backendTrafficPolicySpec,
    status: looseStatus,
  },
);

export type BackendTrafficPolicy = z.infer<typeof backendTrafficPolicyV1alpha1>;
export type BackendTrafficPolicySpec = z.infer<typeof backendTrafficPolicySpec>;
export type LocalRateLimitRule = z.infer<typeof localRateLimitRule>;
