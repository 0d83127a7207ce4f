import { z } from 'zod';
import { duration, durationMillis } from '../gateway-api/common.js';

/** How a BackendTrafficPolicy keeps backends healthy: circuit breaking, health checks, load balancing. */

export const uint32 = z.int().min(0).max(4294967295);

export const circuitBreaker = z.strictObject({
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

export const activeHealthCheck = z
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

export const passiveHealthCheck = z.strictObject({
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

export const loadBalancer = z
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

const grpcStatusCodes = [
  'Ok',
  'Cancelled',
  'Unknown',
  'InvalidArgument',
  'DeadlineExceeded',
  'NotFound',
  'AlreadyExists',
  'PermissionDenied',
  'ResourceExhausted',
  'FailedPrecondition',
  'Aborted',
  'OutOfRange',
  'Unimplemented',
  'Internal',
  'Unavailable',
  'DataLoss',
  'Unauthenticated',
] as const;

export const admissionControl = z
  .strictObject({
    samplingWindow: duration.optional(),
    minSuccessRate: z.int().min(1).max(100).optional(),
    rejectionAggression: z.int().min(1).optional(),
    minRequestRate: z.int().min(0).optional(),
    maxRejectionPercent: z.int().min(0).max(100).optional(),
    successCriteria: z
      .strictObject({
        http: z.strictObject({ statusCodes: z.array(z.int().min(100).max(599)).optional() }).optional(),
        grpc: z.strictObject({ statusCodes: z.array(z.enum(grpcStatusCodes)).optional() }).optional(),
      })
      .optional(),
  })
  .superRefine((ac, ctx) => {
    if (ac.samplingWindow !== undefined && durationMillis(ac.samplingWindow) < 1000) {
      ctx.addIssue({
        code: 'custom',
        path: ['samplingWindow'],
        message: 'samplingWindow must be at least 1s',
      });
    }
  });
