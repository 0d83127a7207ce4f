/**
 * Where `acpnet ovsdb-bridge` publishes row events: a Kafka topic (read back on start, so what
 * changed while the bridge was down is published, and only that), or an HTTP sink (a function's
 * receiver, a Knative Broker) that is posted to one event at a time, in order.
 */
import type { CloudEvent } from 'cloudevents';
import { encodeHttpEvent, type HttpMode } from '../../shared/events/http.js';
import { decodeKafkaRecord, encodeKafkaRecord, type KafkaMode } from '../../shared/events/kafka.js';
import { decodeRowEvent, OVSDB_ROW_CHANGED, rowKey, type WireRow } from '../../shared/events/ovsdb-row.js';
import type { KafkaTransport, RecordProducer } from './kafka/transport.js';
import type { Logger } from './logger.js';

/** The last word consumers had of a row: its content (deleted: the row removed). */
export interface PublishedRow {
  row: WireRow;
  deleted: boolean;
}

export interface RowPublisher {
  /** What consumers were told of each row (by `rowKey`) before this bridge started. */
  published(): Promise<Map<string, PublishedRow>>;
  /** Publishes the events in order; resolves once all were accepted. */
  publish(events: readonly CloudEvent<unknown>[]): Promise<void>;
  close(): Promise<void>;
}

export function kafkaPublisher(
  transport: KafkaTransport,
  topic: string,
  mode: KafkaMode,
  logger: Logger,
): RowPublisher {
  let producer: RecordProducer | undefined;
  return {
    async published() {
      await transport.ensureTopics([{ name: topic, partitions: 3 }]);
      const state = new Map<string, PublishedRow>();
      for (const record of await transport.readTopic(topic)) {
        try {
          const attributes = decodeKafkaRecord(record);
          if (attributes.type !== OVSDB_ROW_CHANGED) continue;
          const event = decodeRowEvent(attributes);
          const deleted = event.change === 'delete';
          state.set(rowKey(event), { row: (deleted ? event.old : event.new) ?? {}, deleted });
        } catch (error) {
          logger.debug(
            { partition: record.partition, offset: record.offset, err: error },
            'unreadable record skipped',
          );
        }
      }
      return state;
    },
    async publish(events) {
      if (events.length === 0) return;
      producer ??= await transport.producer();
      await producer.send(
        topic,
        events.map((event) => encodeKafkaRecord(event, mode)),
      );
    },
    async close() {
      await producer?.close();
      await transport.close();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts each event to `url` and waits for a 2xx. A 4xx (the receiver refuses the event for good)
 * is logged and the next event goes on; anything else is retried with backoff until it is taken or
 * the publisher is closed. It has no record of earlier runs: on start every row is published.
 */
export function httpPublisher(
  url: string,
  mode: HttpMode,
  logger: Logger,
  maxBackoffMs = 10_000,
): RowPublisher {
  let closed = false;
  async function post(event: CloudEvent<unknown>): Promise<void> {
    const message = encodeHttpEvent(event, mode);
    for (let attempt = 1, wait = 200; !closed; attempt++, wait = Math.min(wait * 2, maxBackoffMs)) {
      try {
        const response = await fetch(url, { method: 'POST', headers: message.headers, body: message.body });
        await response.arrayBuffer();
        if (response.ok) return;
        if (response.status >= 400 && response.status < 500) {
          logger.error(
            { eventId: event.id, status: response.status },
            'the sink refused the event; not retried',
          );
          return;
        }
        logger.warn({ eventId: event.id, status: response.status, attempt }, 'the sink failed; retrying');
      } catch (error) {
        logger.warn({ eventId: event.id, err: error, attempt }, 'the sink cannot be reached; retrying');
      }
      await sleep(wait);
    }
  }
  return {
    async published() {
      return new Map();
    },
    async publish(events) {
      for (const event of events) await post(event);
    },
    async close() {
      closed = true;
    },
  };
}
