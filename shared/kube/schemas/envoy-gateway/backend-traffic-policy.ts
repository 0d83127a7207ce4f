import { z } from 'zod';
import { duration, durationPattern, looseStatus } from '../gateway-api/common.js';
import { kubeObject } from '../meta.js';
import {
  cidr,
  httpMethodNames,
  mergeType,
  policyTargetShape,
  quantity,
  refineMergeType,
  refinePolicyTargets,
  tcpKeepalive,
} from './common.js';

const uint32 = z.int().min(0).max(4294967295);

const circuitBreaker = z.strictObject({
  maxConnections: uint32.optional(),
  maxPendingRequests: uint32.optional(),
  maxParallelRequests: uint32.optional(),
  maxParallelRetries: uint32.optional(),
  maxRequestsPerConnection: uint32.optional(),
});

const payload = z
  .strictObject({
    type: z.enum(['Text', 'Binary']),
    text: z.string().optional(),
    binary: z.base64().optional(),
  })
  .superRefine((p, ctx) => {
    for (const [type, field] of [
      ['Text', 'text'],
      ['Binary', 'binary'],
    ] as const) {
      if ((p.type === type) !== (p[field] !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `If payload type is ${type}, ${field} field needs to be set (and only then)`,
        });
      }
    }
  });

const activeHealthCheck = z
  .strictObject({
    type: z.enum(['HTTP', 'TCP', 'GRPC']),
    timeout: duration.optional(),
    interval: duration.optional(),
    initialJitter: duration.optional(),
    unhealthyThreshold: z.int().min(1).optional(),
    healthyThreshold: z.int().min(1).optional(),
    http: z
      .strictObject({
        path: z.string().min(1).max(1024),
        method: z.string().max(16).optional(),
        hostname: z.string().min(1).max(253).optional(),
        expectedStatuses: z.array(z.int().min(100).max(599)).optional(),
        expectedResponse: payload.optional(),
      })
      .optional(),
    tcp: z.strictObject({ send: payload.optional(), receive: payload.optional() }).optional(),
    grpc: z.strictObject({ service: z.string().optional() }).optional(),
  })
  .superRefine((hc, ctx) => {
    for (const [type, field] of [
      ['HTTP', 'http'],
      ['TCP', 'tcp'],
      ['GRPC', 'grpc'],
    ] as const) {
      if (hc[field] !== undefined && hc.type !== type) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `The ${field} field can only be set if the Health Checker type is ${type}`,
        });
      }
    }
    if (hc.type === 'HTTP' && hc.http === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['http'],
        message: 'If Health Checker type is HTTP, http field needs to be set',
      });
    }
    if (hc.type === 'TCP' && hc.tcp === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['tcp'],
        message: 'If Health Checker type is TCP, tcp field needs to be set',
      });
    }
  });

const passiveHealthCheck = z.strictObject({
  splitExternalLocalOriginErrors: z.boolean().optional(),
  interval: duration.optional(),
  consecutiveLocalOriginFailures: z.int().min(0).optional(),
  consecutiveGatewayErrors: z.int().min(0).optional(),
  consecutive5XxErrors: z.int().min(0).optional(),
  baseEjectionTime: duration.optional(),
  maxEjectionPercent: z.int().min(0).max(100).optional(),
  failurePercentageThreshold: z.int().min(0).max(100).optional(),
  alwaysEjectOneEndpoint: z.boolean().optional(),
});

const consistentHash = z
  .strictObject({
    type: z.enum(['SourceIP', 'Header', 'Cookie']),
    header: z.strictObject({ name: z.string() }).optional(),
    cookie: z.strictObject({ name: z.string(), ttl: duration.optional() }).optional(),
    tableSize: z.int().min(2).max(5000011).optional(),
  })
  .superRefine((hash, ctx) => {
    for (const [type, field] of [
      ['Header', 'header'],
      ['Cookie', 'cookie'],
    ] as const) {
      if ((hash.type === type) !== (hash[field] !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `If consistent hash type is ${field}, the ${field} field must be set (and only then)`,
        });
      }
    }
  });

const loadBalancer = z
  .strictObject({
    type: z.enum(['ConsistentHash', 'LeastRequest', 'Random', 'RoundRobin']),
    consistentHash: consistentHash.optional(),
    slowStart: z.strictObject({ window: duration }).optional(),
  })
  .superRefine((lb, ctx) => {
    if ((lb.type === 'ConsistentHash') !== (lb.consistentHash !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['consistentHash'],
        message:
          'If LoadBalancer type is consistentHash, consistentHash field needs to be set (and only then)',
      });
    }
    if (lb.slowStart !== undefined && ['Random', 'ConsistentHash'].includes(lb.type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['slowStart'],
        message: 'SlowStart is only supported for RoundRobin and LeastRequest load balancers',
      });
    }
  });

const clientSelector = z
  .strictObject({
    headers: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(256),
          type: z.enum(['Exact', 'RegularExpression', 'Distinct']).optional(),
          value: z.string().max(1024).optional(),
          invert: z.boolean().optional(),
        }),
      )
      .max(128)
      .optional(),
    methods: z
      .array(z.strictObject({ value: z.enum(httpMethodNames), invert: z.boolean().optional() }))
      .optional(),
    path: z
      .strictObject({
        type: z.enum(['Exact', 'PathPrefix', 'RegularExpression']).optional(),
        value: z.string().max(1024),
        invert: z.boolean().optional(),
      })
      .optional(),
    sourceCIDR: z
      .strictObject({
        type: z.enum(['Exact', 'Distinct']).optional(),
        value: cidr,
        invert: z.boolean().optional(),
      })
      .optional(),
  })
  .superRefine((sel, ctx) => {
    if (!sel.headers && !sel.methods && !sel.path && !sel.sourceCIDR) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'at least one of headers, methods, path or sourceCIDR must be specified',
      });
    }
  });

export const localRateLimitRule = z.strictObject({
  clientSelectors: z.array(clientSelector).max(8).optional(),
  limit: z.strictObject({
    requests: uint32,
    unit: z.enum(['Second', 'Minute', 'Hour', 'Day', 'Week', 'Month', 'Year']),
  }),
});

const rateLimit = z
  .strictObject({
    type: z.enum(['Global', 'Local']).optional(),
    local: z.strictObject({ rules: z.array(localRateLimitRule).max(16).optional() }).optional(),
  })
  .superRefine((rl, ctx) => {
    if (rl.type === 'Local' && rl.local === undefined) {
      ctx.addIssue({ code: 'custom', path: ['local'], message: 'local must be set when type is Local' });
    }
  });

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
    mergeType: mergeType.optional(),
  })
  .superRefine((spec, ctx) => {
    refinePolicyTargets(spec, ['Gateway', 'ListenerSet', ...routeKinds], ctx);
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
