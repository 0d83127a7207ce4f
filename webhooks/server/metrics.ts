import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export type Verdict = 'allowed' | 'denied' | 'error';

/** The webhook's Prometheus metrics, on a registry of its own (never the global one). */
export interface WebhookMetrics {
  registry: Registry;
  reviews: Counter<'endpoint' | 'kind' | 'operation' | 'verdict'>;
  duration: Histogram<'endpoint'>;
  ruleErrors: Counter<'rule'>;
  certificateReloads: Counter<'result'>;
}

export function createWebhookMetrics(options: { processMetrics?: boolean } = {}): WebhookMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'acpnet_' });
  return {
    registry,
    reviews: new Counter({
      name: 'acpnet_webhook_reviews_total',
      help: 'Admission reviews answered, by endpoint, kind, operation and verdict.',
      labelNames: ['endpoint', 'kind', 'operation', 'verdict'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'acpnet_webhook_review_duration_seconds',
      help: 'Time from a parsed AdmissionReview to its answer.',
      labelNames: ['endpoint'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    ruleErrors: new Counter({
      name: 'acpnet_webhook_rule_errors_total',
      help: 'Rules or mutators that threw; each failed its review closed.',
      labelNames: ['rule'],
      registers: [registry],
    }),
    certificateReloads: new Counter({
      name: 'acpnet_webhook_certificate_reloads_total',
      help: 'Serving certificate reloads after the files changed, by result.',
      labelNames: ['result'],
      registers: [registry],
    }),
  };
}
