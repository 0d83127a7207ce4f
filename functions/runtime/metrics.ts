import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export type Outcome = 'applied' | 'unchanged' | 'duplicate' | 'stale' | 'ignored' | 'rejected' | 'failed';

/** Prometheus metrics of the function runtime, on their own registry so several runtimes can coexist. */
export class FunctionMetrics {
  readonly registry = new Registry();
  readonly events = new Counter({
    name: 'acpnet_function_events_total',
    help: 'Events handled, by function and outcome',
    labelNames: ['function', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly effectSeconds = new Histogram({
    name: 'acpnet_function_effect_seconds',
    help: 'Time to plan and apply the effects of one event, by function',
    labelNames: ['function'] as const,
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  });
  readonly lagSeconds = new Gauge({
    name: 'acpnet_function_event_lag_seconds',
    help: 'Age of the last handled event (now minus its CloudEvents time), by source',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  readonly consumerLag = new Gauge({
    name: 'acpnet_kafka_consumer_lag_records',
    help: 'Records between the last committed offset and the high watermark, by topic and partition',
    labelNames: ['topic', 'partition'] as const,
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: 'acpnet_function_events_rejected_total',
    help: 'Events refused as never processable (malformed event or object): not retried, by runtime',
    labelNames: ['runtime'] as const,
    registers: [this.registry],
  });
  readonly deadLettered = new Counter({
    name: 'acpnet_kafka_dead_lettered_total',
    help: 'Records sent to the dead-letter topic',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });
}
