import { z } from 'zod';
import { egBackendRef } from './common.js';

/** EnvoyProxy telemetry: access logs, metrics and tracing sinks. */

const stringMap = z.record(z.string(), z.string());
const sinkPort = z.int().min(0).max(65535);
const backendRefs = z.array(egBackendRef).max(16);

const otelSink = z
  .strictObject({
    host: z.string().optional(),
    port: sinkPort.optional(),
    backendRefs: backendRefs.optional(),
    resources: stringMap.optional(),
    resourceAttributes: stringMap.optional(),
  })
  .superRefine((sink, ctx) => {
    if (sink.host === undefined && (sink.backendRefs?.length ?? 0) === 0) {
      ctx.addIssue({ code: 'custom', path: ['backendRefs'], message: 'host or backendRefs needs to be set' });
    }
    if (sink.resources !== undefined && sink.resourceAttributes !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['resourceAttributes'],
        message: 'either resources or resourceAttributes can be set, not both',
      });
    }
  });

const alsSink = z
  .strictObject({
    type: z.enum(['HTTP', 'TCP']),
    logName: z.string().min(1).optional(),
    backendRefs: backendRefs.min(1),
    http: z
      .strictObject({
        requestHeaders: z.array(z.string()).optional(),
        responseHeaders: z.array(z.string()).optional(),
        responseTrailers: z.array(z.string()).optional(),
      })
      .optional(),
  })
  .superRefine((als, ctx) => {
    if (als.http !== undefined && als.type !== 'HTTP') {
      ctx.addIssue({
        code: 'custom',
        path: ['http'],
        message: 'The http field may only be set when type is HTTP',
      });
    }
  });

const sinkFields = { File: 'file', OpenTelemetry: 'openTelemetry', ALS: 'als' } as const;

const accessLogSink = z
  .strictObject({
    type: z.enum(['File', 'OpenTelemetry', 'ALS']),
    file: z.strictObject({ path: z.string() }).optional(),
    openTelemetry: otelSink.optional(),
    als: alsSink.optional(),
  })
  .superRefine((sink, ctx) => {
    for (const [type, field] of Object.entries(sinkFields)) {
      if ((sink.type === type) !== (sink[field] !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `If AccessLogSink type is ${type}, ${field} field needs to be set (and only then)`,
        });
      }
    }
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
  sinks: z.array(accessLogSink),
});

const fraction = z
  .strictObject({ numerator: z.int().min(0), denominator: z.int().min(1).optional() })
  .superRefine((f, ctx) => {
    if (f.numerator > (f.denominator ?? 100)) {
      ctx.addIssue({
        code: 'custom',
        path: ['numerator'],
        message: 'numerator must be less than or equal to denominator',
      });
    }
  });

const tagFields = { Literal: 'literal', Environment: 'environment', RequestHeader: 'requestHeader' } as const;

const customTag = z
  .strictObject({
    type: z.enum(['Literal', 'Environment', 'RequestHeader']).optional(),
    literal: z.strictObject({ value: z.string() }).optional(),
    environment: z.strictObject({ name: z.string(), defaultValue: z.string().optional() }).optional(),
    requestHeader: z.strictObject({ name: z.string(), defaultValue: z.string().optional() }).optional(),
  })
  .superRefine((tag, ctx) => {
    const type = tag.type ?? 'Literal';
    for (const [tagType, field] of Object.entries(tagFields)) {
      if ((type === tagType) !== (tag[field] !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} must be set exactly when type is ${tagType}`,
        });
      }
    }
  });

const tracingProvider = z
  .strictObject({
    type: z.enum(['OpenTelemetry', 'Zipkin', 'Datadog']).optional(),
    host: z.string().optional(),
    port: sinkPort.optional(),
    backendRefs: backendRefs.optional(),
    serviceName: z.string().min(1, 'serviceName cannot be empty if provided').optional(),
    zipkin: z
      .strictObject({
        enable128BitTraceId: z.boolean().optional(),
        disableSharedSpanContext: z.boolean().optional(),
      })
      .optional(),
  })
  .superRefine((provider, ctx) => {
    if (provider.host === undefined && (provider.backendRefs?.length ?? 0) === 0) {
      ctx.addIssue({ code: 'custom', path: ['backendRefs'], message: 'host or backendRefs needs to be set' });
    }
    if (provider.zipkin !== undefined && provider.type !== 'Zipkin') {
      ctx.addIssue({ code: 'custom', path: ['zipkin'], message: 'zipkin can only be used with type Zipkin' });
    }
  });

const tracing = z
  .strictObject({
    samplingRate: z.int().min(0).max(100).optional(),
    samplingFraction: fraction.optional(),
    customTags: z.record(z.string(), customTag).optional(),
    provider: tracingProvider,
  })
  .superRefine((t, ctx) => {
    if (t.samplingRate !== undefined && t.samplingFraction !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['samplingFraction'],
        message: 'only one of SamplingRate or SamplingFraction can be specified',
      });
    }
  });

const prometheus = z.strictObject({
  disable: z.boolean().optional(),
  compression: z
    .strictObject({
      type: z.enum(['Gzip', 'Brotli', 'Zstd']),
      minContentLength: z.union([z.int().min(0), z.string()]).optional(),
    })
    .optional(),
});

export const telemetry = z.strictObject({
  accessLog: z
    .strictObject({ disable: z.boolean().optional(), settings: z.array(accessLogSetting).optional() })
    .optional(),
  metrics: z
    .strictObject({
      prometheus: prometheus.optional(),
      sinks: z
        .array(z.strictObject({ type: z.enum(['OpenTelemetry']), openTelemetry: otelSink.optional() }))
        .optional(),
      enableVirtualHostStats: z.boolean().optional(),
    })
    .optional(),
  tracing: tracing.optional(),
});
