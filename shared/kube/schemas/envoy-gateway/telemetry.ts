import { z } from 'zod';
import { portNumber } from '../gateway-api/common.js';
import { egBackendRef } from './common.js';

/** EnvoyProxy telemetry: access logs, metrics and tracing sinks. */

const stringMap = z.record(z.string(), z.string());

const otelSink = z.strictObject({
  host: z.string().optional(),
  port: portNumber.optional(),
  backendRefs: z.array(egBackendRef).optional(),
  resourceAttributes: stringMap.optional(),
});

const accessLogSetting = z.strictObject({
  format: z
    .strictObject({
      type: z.enum(['Text', 'JSON']).optional(),
      text: z.string().optional(),
      json: stringMap.optional(),
    })
    .optional(),
  matches: z.array(z.string()).optional(),
  sinks: z.array(
    z.strictObject({
      type: z.enum(['File', 'OpenTelemetry', 'ALS']),
      file: z.strictObject({ path: z.string() }).optional(),
      openTelemetry: otelSink.optional(),
    }),
  ),
});

export const telemetry = z.strictObject({
  accessLog: z
    .strictObject({ disable: z.boolean().optional(), settings: z.array(accessLogSetting).optional() })
    .optional(),
  metrics: z
    .strictObject({
      prometheus: z.strictObject({ disable: z.boolean().optional() }).optional(),
      sinks: z
        .array(z.strictObject({ type: z.enum(['OpenTelemetry']), openTelemetry: otelSink.optional() }))
        .optional(),
      enableVirtualHostStats: z.boolean().optional(),
    })
    .optional(),
  tracing: z
    .strictObject({
      samplingRate: z.int().min(0).max(100).optional(),
      provider: z.strictObject({
        type: z.enum(['OpenTelemetry', 'Zipkin', 'Datadog']).optional(),
        host: z.string().optional(),
        port: portNumber.optional(),
        backendRefs: z.array(egBackendRef).optional(),
      }),
    })
    .optional(),
});
