import Fastify, { type FastifyReply } from 'fastify';
import { PermanentEventError } from '../../shared/events/errors.js';
import { decodeHttpEvent } from '../../shared/events/http.js';
import type { Logger } from './logger.js';
import type { FunctionMetrics } from './metrics.js';
import type { EventSink } from './processor.js';

export interface HttpRuntimeOptions {
  processor: EventSink;
  /** Defaults to $PORT, else 8080 (the Knative Serving contract). */
  port?: number;
  host?: string;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Time allowed for one request, including applying its effects, in milliseconds. */
  requestTimeoutMs?: number;
  logger: Logger;
  metrics?: FunctionMetrics;
  /** Readiness: true once the store's caches are synced. */
  ready: () => boolean;
}

export interface HttpRuntime {
  /** `http://host:port` actually bound. */
  url: string;
  close(): Promise<void>;
}

export function defaultPort(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env.PORT);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : 8080;
}

class ProcessingTimeout extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProcessingTimeout(`event not processed within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Knative-style event receiver: POST / takes one CloudEvent (binary or structured). 202 once the
 * effects are applied; 400 for an event that can never be processed (the broker must not retry);
 * 503 for transient failures (the broker retries). Not listening yet: startHttpRuntime listens.
 */
export function buildHttpRuntimeApp(options: Omit<HttpRuntimeOptions, 'port' | 'host'>) {
  const bodyLimit = options.bodyLimit ?? 4 * 1024 * 1024;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit,
    requestTimeout: requestTimeoutMs + 5_000,
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));

  app.post('/', async (request, reply) => {
    let event: ReturnType<typeof decodeHttpEvent>;
    try {
      event = decodeHttpEvent(request.headers, request.body as Buffer | undefined);
    } catch (error) {
      options.metrics?.rejected.inc({ runtime: 'http' });
      return reply.code(400).send({ error: (error as Error).message });
    }
    try {
      const result = await withDeadline(options.processor.process(event), requestTimeoutMs);
      return reply
        .code(202)
        .send({ id: result.eventId, outcome: result.outcome, effects: result.effects.length });
    } catch (error) {
      if (error instanceof PermanentEventError) {
        options.metrics?.rejected.inc({ runtime: 'http' });
        request.log.info({ eventId: event.id, reason: error.message }, 'event refused; never retried');
        return reply.code(400).send({ error: error.message });
      }
      request.log.warn({ err: error, eventId: event.id }, 'event failed; the sender should retry');
      return reply.code(503).send({ error: (error as Error).message });
    }
  });
  // Knative probes /health/*; Kubernetes probes written for the webhook use /healthz and /readyz.
  const live = async () => ({ status: 'ok' });
  const readiness = async (_request: unknown, reply: FastifyReply) =>
    options.ready() ? { status: 'ready' } : reply.code(503).send({ status: 'not ready' });
  app.get('/health/liveness', live);
  app.get('/healthz', live);
  app.get('/health/readiness', readiness);
  app.get('/readyz', readiness);
  if (options.metrics) {
    const registry = options.metrics.registry;
    app.get('/metrics', async (_request, reply) =>
      reply.type(registry.contentType).send(await registry.metrics()),
    );
  }
  return app;
}

export type HttpRuntimeApp = ReturnType<typeof buildHttpRuntimeApp>;

/** The receiver of buildHttpRuntimeApp, listening on `options.port` (0: any free port). */
export async function startHttpRuntime(options: HttpRuntimeOptions): Promise<HttpRuntime> {
  const app = buildHttpRuntimeApp(options);
  const host = options.host ?? '0.0.0.0';
  await app.listen({ port: options.port ?? defaultPort(), host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? defaultPort());
  return { url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`, close: () => app.close() };
}
