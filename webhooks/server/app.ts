import type { IncomingHttpHeaders } from 'node:http';
import { type Http2SecureServer, constants as http2Constants } from 'node:http2';
import Fastify, {
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
  LogController,
  type RouteGenericInterface,
} from 'fastify';
import type { Logger } from 'pino';
import { kindModel } from '../../shared/kube/registry.js';
import { formatMebibytes, MIB, REQUEST_BODY_LIMIT, STORED_OBJECT_LIMIT } from '../../shared/kube/sizes.js';
import type { ReadView } from '../../shared/kube/store.js';
import type { ReviewInput, ReviewResult } from '../review/engine.js';
import type { AdmissionSettings } from '../rules/types.js';
import { admissionResponse, parseAdmissionReview } from './admission-review.js';
import { parseJsonBody } from './json-body.js';
import type { Verdict, WebhookMetrics } from './metrics.js';
import { minTlsVersion, type TlsMaterial } from './serving-tls.js';

/**
 * Room for the AdmissionReview of the largest object the API server accepts: an UPDATE carries the
 * object (at most a 3 MiB request body) and the stored old object (at most 1.5 MiB), and the
 * envelope (uid, kinds, names, userInfo, options) takes far less than the 0.5 MiB left. A larger
 * body is refused with 413; the API server would have refused its object anyway.
 */
export const defaultBodyLimit = REQUEST_BODY_LIMIT + STORED_OBJECT_LIMIT + MIB / 2;
export const defaultRequestTimeoutMs = 30_000;
const keepAliveTimeoutMs = 72_000;

export type Stage = 'mutate' | 'validate';
export type Reviewer = (input: ReviewInput, stage: Stage) => Promise<ReviewResult>;

export interface WebhookAppOptions {
  tls: TlsMaterial;
  view: ReadView;
  /** Whether the store's caches are synced; /readyz answers 503 until then. */
  isReady: () => boolean;
  settings: AdmissionSettings;
  review: Reviewer;
  metrics: WebhookMetrics;
  logger: Logger;
  bodyLimit?: number;
  requestTimeoutMs?: number;
}

/** The engine itself failed (not one rule): still an AdmissionReview answer, denied with 500. */
function reviewFailure(error: unknown): ReviewResult {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    allowed: false,
    code: 500,
    message: `review failed: ${detail}`,
    findings: [],
    warnings: [],
    patch: [],
    object: undefined,
    failures: [{ rule: 'review', error }],
  };
}

function verdictOf(result: ReviewResult): Verdict {
  if (result.code === 500) return 'error';
  return result.allowed ? 'allowed' : 'denied';
}

/** A clear message for errors raised before a handler runs (body parsing, limits, timeouts). */
function clientErrorMessage(error: FastifyError, bodyLimit: number): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `request body is larger than the ${formatMebibytes(bodyLimit)} limit`;
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'request body is empty; expected an AdmissionReview';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'content-type must be application/json (an AdmissionReview)';
    default:
      if (error instanceof SyntaxError) return `request body is not valid JSON: ${error.message}`;
      return error.message;
  }
}

type WebhookRequest = FastifyRequest<RouteGenericInterface, Http2SecureServer>;
type WebhookReply = FastifyReply<RouteGenericInterface, Http2SecureServer>;

/** The request body's length when the client declared it (the API server does); it bounds the object's size. */
function declaredBodyLength(request: { headers: IncomingHttpHeaders }): number | undefined {
  const declared = Number(request.headers['content-length']);
  return Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
}

/**
 * Bounds how long one request may take to arrive, and keeps HTTP/1.1 connections alive as fastify
 * does (Node's fallback alone would close them after 5 s idle, the API server keeps its own for
 * 90 s). Fastify applies both only to an HTTP/1.1 server: here HTTP/1.1 clients get them on the
 * HTTP/2 server's fallback, and an HTTP/2 stream that stays silent that long is cancelled (its
 * session and other streams go on).
 */
function boundRequestTime(server: Http2SecureServer, timeoutMs: number): void {
  Object.assign(server, { requestTimeout: timeoutMs, keepAliveTimeout: keepAliveTimeoutMs });
  server.on('stream', (stream) => {
    stream.setTimeout(timeoutMs, () => stream.close(http2Constants.NGHTTP2_CANCEL));
  });
}

/**
 * The webhook's fastify application over HTTPS: /validate, /mutate, health, readiness, metrics.
 * HTTP/2 is offered by ALPN (one connection carries concurrent reviews, headers are compressed);
 * clients that ask for HTTP/1.1, or nothing, are served HTTP/1.1.
 */
export function buildWebhookApp(options: WebhookAppOptions) {
  const bodyLimit = options.bodyLimit ?? defaultBodyLimit;
  const requestTimeout = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
  const { metrics, settings, view } = options;
  const app = Fastify({
    http2: true,
    https: { allowHTTP1: true, cert: options.tls.cert, key: options.tls.key, minVersion: minTlsVersion },
    loggerInstance: options.logger,
    // Reviews log themselves with the request uid; per-request access lines would double them.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit,
    return503OnClosing: true,
  });
  boundRequestTime(app.server, requestTimeout);

  // AdmissionReviews are JSON: a text body is answered 415 like every other unsupported type.
  app.removeContentTypeParser('text/plain');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, parseJsonBody);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ statusCode: status, reason: error.message }, 'request refused');
    const message = status >= 500 ? 'internal error' : clientErrorMessage(error, bodyLimit);
    // Fastify asks to close the connection after a refused body; HTTP/2 has no such header (the
    // stream ends alone) and Node would warn on it.
    if (request.raw.httpVersionMajor === 2) reply.removeHeader('connection');
    void reply.code(status).send({ statusCode: status, message });
  });

  const handle = (stage: Stage) => async (request: WebhookRequest, reply: WebhookReply) => {
    const started = process.hrtime.bigint();
    // A malformed body throws BadAdmissionReviewError, answered 400 by the error handler.
    const parsed = parseAdmissionReview(request.body);
    const log = request.log.child({
      uid: parsed.uid,
      kind: parsed.groupKind,
      operation: parsed.operation,
      namespace: parsed.namespace,
      name: parsed.name,
    });
    const result = await options
      .review(
        {
          operation: parsed.operation,
          object: parsed.object,
          oldObject: parsed.oldObject,
          view,
          settings,
          sizeBound: declaredBodyLength(request),
        },
        stage,
      )
      .catch((error: unknown) => reviewFailure(error));
    for (const failure of result.failures) {
      metrics.ruleErrors.inc({ rule: failure.rule });
      log.error({ rule: failure.rule, err: failure.error }, 'rule failed; review denied');
    }
    const verdict = verdictOf(result);
    // The kind comes from the request body: labelling by it unchecked would let any client that
    // reaches the port create series without bound.
    const kind = kindModel(parsed.groupKind) ? parsed.groupKind : 'other';
    metrics.reviews.inc({ endpoint: stage, kind, operation: parsed.operation, verdict });
    metrics.duration.observe({ endpoint: stage }, Number(process.hrtime.bigint() - started) / 1e9);
    if (verdict === 'denied') log.info({ message: result.message }, 'denied');
    else log.debug({ verdict, warnings: result.warnings.length, patch: result.patch.length }, 'reviewed');
    return reply.send(admissionResponse(parsed.uid, result, stage === 'mutate'));
  };

  app.post('/validate', handle('validate'));
  app.post('/mutate', handle('mutate'));
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) =>
    options.isReady()
      ? { status: 'ready' }
      : reply.code(503).send({ status: 'not ready', message: 'store caches are not synced yet' }),
  );
  app.get('/metrics', async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  return app;
}

export type WebhookApp = ReturnType<typeof buildWebhookApp>;
