import type { EventAttributes } from '../../shared/events/attributes.js';
import { EventFormatError, PermanentEventError } from '../../shared/events/errors.js';
import { decodeKafkaRecord } from '../../shared/events/kafka.js';
import type { InboundRecord, KafkaTransport, RecordConsumer, RecordProducer } from './kafka/transport.js';
import type { Logger } from './logger.js';
import type { FunctionMetrics } from './metrics.js';
import type { EventSink } from './processor.js';

export interface KafkaRuntimeOptions {
  transport: KafkaTransport;
  processor: EventSink;
  topic: string;
  groupId: string;
  /** Default `<topic>.dlq`. */
  deadLetterTopic?: string;
  /** Attempts after the first before an event is dead-lettered. */
  maxRetries?: number;
  /** First backoff; doubles per attempt up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  fromBeginning?: boolean;
  /** See ConsumerSettings.sessionTimeoutMs. */
  sessionTimeoutMs?: number;
  /** How often the consumer lag metric is refreshed. */
  lagIntervalMs?: number;
  logger: Logger;
  metrics?: FunctionMetrics;
}

export interface KafkaRuntime {
  /** Finishes in-flight events, commits their offsets and leaves the group. */
  stop(): Promise<void>;
  /** Consuming: a member of the group (see RecordConsumer.inGroup). */
  ready(): boolean;
}

/** Headers a dead-lettered record carries besides its own. */
export const DLQ_HEADERS = {
  error: 'acpnet-error',
  errorType: 'acpnet-error-type',
  attempts: 'acpnet-attempts',
  topic: 'acpnet-source-topic',
  partition: 'acpnet-source-partition',
  offset: 'acpnet-source-offset',
} as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Consumes CloudEvents from a topic in a consumer group. Each record is processed, retried with
 * backoff on transient failures, and dead-lettered when it can never succeed; its offset is
 * committed only after that. Records of one partition (hence one key) are handled in order.
 */
export async function startKafkaRuntime(options: KafkaRuntimeOptions): Promise<KafkaRuntime> {
  const log = options.logger.child({ topic: options.topic, groupId: options.groupId });
  const deadLetterTopic = options.deadLetterTopic ?? `${options.topic}.dlq`;
  const maxRetries = options.maxRetries ?? 5;
  const backoffMs = options.backoffMs ?? 200;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  let stopping = false;

  const producer: RecordProducer = await options.transport.producer();
  const consumer: RecordConsumer = options.transport.consumer({
    groupId: options.groupId,
    topics: [options.topic],
    fromBeginning: options.fromBeginning ?? true,
    sessionTimeoutMs: options.sessionTimeoutMs,
  });

  async function deadLetter(record: InboundRecord, error: Error, attempts: number): Promise<void> {
    if (error instanceof PermanentEventError) options.metrics?.rejected.inc({ runtime: 'kafka' });
    await producer.send(deadLetterTopic, [
      {
        key: record.key,
        value: record.value,
        headers: {
          ...record.headers,
          [DLQ_HEADERS.error]: error.message,
          [DLQ_HEADERS.errorType]: error.name,
          [DLQ_HEADERS.attempts]: String(attempts),
          [DLQ_HEADERS.topic]: record.topic,
          [DLQ_HEADERS.partition]: String(record.partition),
          [DLQ_HEADERS.offset]: record.offset,
        },
      },
    ]);
    options.metrics?.deadLettered.inc({ topic: record.topic });
    log.error(
      { partition: record.partition, offset: record.offset, err: error, attempts },
      'event dead-lettered',
    );
  }

  async function handle(record: InboundRecord): Promise<void> {
    let event: EventAttributes;
    try {
      event = decodeKafkaRecord(record);
    } catch (error) {
      if (error instanceof EventFormatError) return deadLetter(record, error, 1);
      throw error;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await options.processor.process(event);
        return;
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        if (failure instanceof PermanentEventError || attempt > maxRetries)
          return deadLetter(record, failure, attempt);
        // When stopping, leave the record uncommitted; the next consumer retries it.
        if (stopping) throw failure;
        const wait = Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1));
        log.warn({ eventId: event.id, attempt, err: failure, retryInMs: wait }, 'event failed; retrying');
        await sleep(wait);
      }
    }
  }

  await consumer.run(handle);
  log.info('consuming');
  const lagTimer = options.metrics
    ? setInterval(() => void observeLag(), options.lagIntervalMs ?? 10_000)
    : undefined;
  lagTimer?.unref();

  async function observeLag(): Promise<void> {
    try {
      for (const { partition, lag } of await options.transport.groupLag(options.groupId, options.topic)) {
        options.metrics?.consumerLag.set({ topic: options.topic, partition: String(partition) }, lag);
      }
    } catch (error) {
      log.warn({ err: error }, 'consumer lag not available (broker unreachable?)');
    }
  }

  return {
    ready: () => consumer.inGroup(),
    async stop() {
      stopping = true;
      clearInterval(lagTimer);
      await consumer.stop();
      await producer.close();
      log.info('consumer stopped; offsets committed');
    },
  };
}
