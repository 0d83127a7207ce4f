import { type Consumer, Kafka, type KafkaMessage, logLevel, Partitioners, type Producer } from 'kafkajs';
import type { KafkaRecord } from '../../../shared/events/kafka.js';
import type { Logger } from '../logger.js';
import type {
  ConsumerSettings,
  InboundRecord,
  KafkaTransport,
  RecordConsumer,
  RecordProducer,
  TopicSpec,
} from './transport.js';
import { UncommittedKeys } from './uncommitted-keys.js';

export interface KafkajsOptions {
  brokers: readonly string[];
  clientId?: string;
  logger: Logger;
}

function headersOf(message: KafkaMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  const raw = message.headers;
  if (!raw) return headers;
  for (const name in raw) {
    const value = raw[name];
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) headers[name] = Buffer.isBuffer(first) ? first.toString() : String(first);
  }
  return headers;
}

function inbound(topic: string, partition: number, message: KafkaMessage): InboundRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    timestamp: message.timestamp,
    key: message.key ? message.key.toString('utf8') : null,
    value: message.value,
    headers: headersOf(message),
  };
}

/** kafkajs logs through pino; its ERROR lines during a broker outage are retried, so they are warnings. */
function logCreator(logger: Logger) {
  return () =>
    ({ level, log }: { level: number; log: { message: string } & Record<string, unknown> }) => {
      const { message, ...extra } = log;
      if (level <= logLevel.WARN) logger.warn({ kafka: extra }, message);
      else logger.debug({ kafka: extra }, message);
    };
}

/** Heartbeats go on while a record is handled, so a slow record (retries, backoff) keeps its partitions. */
async function withHeartbeats<T>(
  work: Promise<T>,
  heartbeat: () => Promise<void>,
  everyMs: number,
): Promise<T> {
  // A failed heartbeat (a rebalance under way) is seen again by the heartbeat after the record.
  const timer = setInterval(() => void heartbeat().catch(() => undefined), everyMs);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

class KafkajsConsumer implements RecordConsumer {
  private readonly consumer: Consumer;
  private readonly uncommitted = new UncommittedKeys();
  private readonly heartbeatIntervalMs: number;
  private member = false;

  constructor(
    kafka: Kafka,
    private readonly settings: ConsumerSettings,
    private readonly logger: Logger,
  ) {
    const sessionTimeout = settings.sessionTimeoutMs ?? 10_000;
    this.heartbeatIntervalMs = Math.min(3_000, Math.floor(sessionTimeout / 3));
    this.consumer = kafka.consumer({
      groupId: settings.groupId,
      sessionTimeout,
      heartbeatInterval: this.heartbeatIntervalMs,
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
      this.member = true;
    });
    for (const left of [this.consumer.events.REBALANCING, this.consumer.events.STOP]) {
      this.consumer.on(left, () => {
        this.member = false;
      });
    }
    this.consumer.on(this.consumer.events.CRASH, (event) => {
      this.member = false;
      this.logger.warn(
        { err: event.payload.error, restart: event.payload.restart },
        'kafka consumer crashed',
      );
    });
    this.consumer.on(this.consumer.events.COMMIT_OFFSETS, (event) => {
      for (const { topic, partitions } of event.payload.topics) {
        for (const { partition, offset } of partitions) this.uncommitted.committed(topic, partition, offset);
      }
    });
  }

  async run(handle: (record: InboundRecord) => Promise<void>): Promise<void> {
    await this.consumer.connect();
    for (const topic of this.settings.topics) {
      await this.consumer.subscribe({ topic, fromBeginning: this.settings.fromBeginning });
    }
    // A batch holds records of one partition, handled in order. A record's offset is resolved only
    // after `handle` resolves, so no offset is committed before its effects are applied. Resolved
    // offsets are committed every 100 records or every second, within a batch too (a batch may hold
    // thousands), and on stop; and before a record whose key was handled since the last commit (see
    // UncommittedKeys), so what a crash leaves to be delivered again holds one record per object.
    await this.consumer.run({
      autoCommit: true,
      autoCommitInterval: 1000,
      autoCommitThreshold: 100,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.settings.concurrentPartitions ?? 3,
      eachBatch: async ({
        batch,
        resolveOffset,
        heartbeat,
        commitOffsetsIfNecessary,
        uncommittedOffsets,
        isRunning,
        isStale,
      }) => {
        const { topic, partition } = batch;
        for (const message of batch.messages) {
          if (!isRunning() || isStale()) break;
          const record = inbound(topic, partition, message);
          if (this.uncommitted.holds(topic, partition, record.key)) {
            await commitOffsetsIfNecessary(uncommittedOffsets());
          }
          await withHeartbeats(handle(record), heartbeat, this.heartbeatIntervalMs);
          resolveOffset(message.offset);
          this.uncommitted.handled(topic, partition, record.key, message.offset);
          await commitOffsetsIfNecessary();
          await heartbeat();
        }
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
    await this.consumer.disconnect();
  }

  inGroup(): boolean {
    return this.member;
  }
}

class KafkajsProducer implements RecordProducer {
  constructor(private readonly producer: Producer) {}

  async send(topic: string, records: readonly KafkaRecord[]): Promise<void> {
    await this.producer.send({
      topic,
      messages: records.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
    });
  }

  close(): Promise<void> {
    return this.producer.disconnect();
  }
}

export class KafkajsTransport implements KafkaTransport {
  private readonly kafka: Kafka;

  constructor(private readonly options: KafkajsOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId ?? 'acpnet',
      brokers: [...options.brokers],
      logLevel: logLevel.WARN,
      logCreator: logCreator(options.logger),
      retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 10_000 },
    });
  }

  consumer(settings: ConsumerSettings): RecordConsumer {
    return new KafkajsConsumer(this.kafka, settings, this.options.logger);
  }

  async producer(): Promise<RecordProducer> {
    const producer = this.kafka.producer({
      allowAutoTopicCreation: true,
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    return new KafkajsProducer(producer);
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t.name));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: 1 })),
        });
      }
    } finally {
      await admin.disconnect();
    }
  }

  async readTopic(topic: string, fromOffset?: bigint): Promise<InboundRecord[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    let offsets: { partition: number; low: string; high: string }[];
    try {
      offsets = await fetchOffsetsSettled(admin, topic);
    } finally {
      await admin.disconnect();
    }
    const starts = new Map<number, bigint>();
    for (const o of offsets) {
      const low = BigInt(o.low);
      const start = fromOffset !== undefined && fromOffset > low ? fromOffset : low;
      if (start < BigInt(o.high)) starts.set(o.partition, start);
    }
    if (starts.size === 0) return [];
    const highs = new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
    const lows = new Map(offsets.map((o) => [o.partition, BigInt(o.low)]));
    const records: InboundRecord[] = [];
    const consumer = this.kafka.consumer({ groupId: `acpnet-read-${process.pid}-${Date.now()}` });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      const pending = new Set(starts.keys());
      await new Promise<void>((resolve, reject) => {
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              if (!pending.has(partition)) return;
              if (BigInt(message.offset) >= (starts.get(partition) ?? 0n)) {
                records.push(inbound(topic, partition, message));
              }
              if (BigInt(message.offset) + 1n >= (highs.get(partition) ?? 0n)) {
                pending.delete(partition);
                if (pending.size === 0) resolve();
              }
            },
          })
          .then(() => {
            // Reading from the beginning needs no seek. A seek can fail while the consumer is being
            // restarted (a new topic's leaders settling): the read fails then, and its caller retries.
            const seeks = [...starts].filter(([partition, start]) => start !== lows.get(partition));
            if (pending.size === 0 || seeks.length === 0) return;
            try {
              for (const [partition, start] of seeks)
                consumer.seek({ topic, partition, offset: start.toString() });
            } catch (error) {
              reject(error);
            }
          }, reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return records;
  }

  async groupLag(groupId: string, topic: string): Promise<{ partition: number; lag: number }[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const highs = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return highs.map((h) => {
        const c = committed?.partitions.find((p) => p.partition === h.partition);
        const at = c && Number(c.offset) >= 0 ? Number(c.offset) : Number(h.low);
        return { partition: h.partition, lag: Math.max(0, Number(h.high) - at) };
      });
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {}
}

/**
 * The topic's offsets. Right after a topic is created its leaders may still be settling, and the
 * broker answers "not the leader" (a retriable error kafkajs does not retry here): asked again a
 * few times, after a pause that doubles.
 */
async function fetchOffsetsSettled(
  admin: ReturnType<Kafka['admin']>,
  topic: string,
): Promise<{ partition: number; low: string; high: string }[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (error) {
      const retriable = (error as { retriable?: boolean }).retriable === true;
      if (!retriable || attempt >= 6) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}
