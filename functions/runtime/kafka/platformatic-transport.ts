import {
  Admin,
  Consumer,
  compatibilityPartitioner,
  type Message,
  type MessagesStream,
  Producer,
  stringDeserializer,
  stringSerializer,
} from '@platformatic/kafka';
import type { KafkaRecord } from '../../../shared/events/kafka.js';
import type { Logger } from '../logger.js';
import { PartitionQueues } from './partition-queues.js';
import type {
  ConsumerSettings,
  InboundRecord,
  KafkaTransport,
  RecordConsumer,
  RecordProducer,
  TopicSpec,
} from './transport.js';
import { UncommittedKeys } from './uncommitted-keys.js';

export interface PlatformaticOptions {
  brokers: readonly string[];
  clientId?: string;
  logger: Logger;
}

type Inbound = Message<string, Buffer, string, string>;

const deserializers = {
  key: stringDeserializer,
  value: (data?: Buffer) => data,
  headerKey: stringDeserializer,
  headerValue: stringDeserializer,
};

const serializers = {
  key: stringSerializer,
  value: (data?: Buffer | string | null) =>
    data === undefined || data === null ? undefined : Buffer.isBuffer(data) ? data : Buffer.from(data),
  headerKey: stringSerializer,
  headerValue: stringSerializer,
};

/** ListOffsets' timestamp for a partition's first offset. */
const EARLIEST = -2n;

function inbound(message: Inbound): InboundRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of message.headers) headers[name] = value;
  return {
    topic: message.topic,
    partition: message.partition,
    offset: message.offset.toString(),
    timestamp: message.timestamp.toString(),
    key: message.key ?? null,
    value: message.value ?? null,
    headers,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records handled per partition before their offsets are committed, and the longest wait. */
const COMMIT_EVERY_RECORDS = 100;
const COMMIT_EVERY_MS = 1_000;

class PlatformaticConsumer implements RecordConsumer {
  private readonly consumer: Consumer<string, Buffer, string, string>;
  private stream: MessagesStream<string, Buffer, string, string> | undefined;
  private queues: PartitionQueues<Inbound> | undefined;
  private stopping = false;
  /** When the group last heard from this member: it joined, or a heartbeat succeeded. */
  private lastHeard = 0;
  private readonly sessionTimeoutMs: number;
  private readonly window = new UncommittedKeys();
  /** Per partition, the last handled record whose offset is not committed yet, and since when. */
  private readonly pending = new Map<number, { message: Inbound; count: number; since: number }>();

  constructor(
    options: PlatformaticOptions,
    private readonly settings: ConsumerSettings,
    private readonly logger: Logger,
  ) {
    const sessionTimeout = settings.sessionTimeoutMs ?? 10_000;
    this.sessionTimeoutMs = sessionTimeout;
    this.consumer = new Consumer({
      clientId: options.clientId ?? 'acpnet',
      bootstrapBrokers: [...options.brokers],
      groupId: settings.groupId,
      deserializers,
      sessionTimeout,
      rebalanceTimeout: Math.max(sessionTimeout, 60_000),
      // The client heartbeats on its own timer, independent of how long a record takes.
      heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeout / 3)),
      retries: Number.MAX_SAFE_INTEGER,
      retryDelay: 300,
    });
    // The client retries a heartbeat without end while the broker is away, so a failure may never be
    // reported: a member not heard from for a session timeout is out of the group, as the
    // coordinator sees it.
    for (const heard of ['consumer:heartbeat:end', 'consumer:group:join']) {
      this.consumer.on(heard, () => {
        this.lastHeard = Date.now();
      });
    }
  }

  inGroup(): boolean {
    return this.consumer.isActive() && Date.now() - this.lastHeard < this.sessionTimeoutMs;
  }

  async run(handle: (record: InboundRecord) => Promise<void>): Promise<void> {
    // A record's offset is committed only after `handle` resolves; a rejection (a dead letter that
    // could not be sent) retries the same record. Offsets are committed every 100 records or every
    // second, when a partition's queue runs dry, and before a record whose key was handled since the
    // last commit (see UncommittedKeys), so what a crash leaves to be delivered again holds one
    // record per object.
    const queues = new PartitionQueues<Inbound>({
      concurrency: this.settings.concurrentPartitions ?? 3,
      handle: async (message) => {
        const record = inbound(message);
        if (this.window.holds(record.topic, record.partition, record.key)) {
          await this.retrying('offset commit', () => this.commitPending(message.partition));
        }
        await this.retrying('record', () => handle(record), message.partition);
        this.window.handled(record.topic, record.partition, record.key, record.offset);
        const pending = this.pending.get(message.partition);
        const now = Date.now();
        const count = (pending?.count ?? 0) + 1;
        this.pending.set(message.partition, { message, count, since: pending?.since ?? now });
        const due =
          count >= COMMIT_EVERY_RECORDS ||
          now - (pending?.since ?? now) >= COMMIT_EVERY_MS ||
          queues.remaining(message.partition) <= 1;
        if (due) {
          this.commitPending(message.partition).catch((error: unknown) =>
            this.logger.warn({ err: error }, 'offset commit failed'),
          );
        }
      },
    });
    this.queues = queues;
    const stream = await this.consumer.consume({
      topics: [...this.settings.topics],
      mode: 'committed',
      fallbackMode: this.settings.fromBeginning ? 'earliest' : 'latest',
      autocommit: false,
    });
    this.stream = stream;
    stream.on('data', (message: Inbound) => {
      if (!queues.push(message.partition, message)) stream.pause();
    });
    queues.onDrain(() => {
      if (!this.stopping) stream.resume();
    });
    stream.on('error', (error: Error) => this.logger.warn({ err: error }, 'kafka consumer stream failed'));
  }

  /** Runs `work` until it succeeds, backing off; gives up only when the consumer stops. */
  private async retrying(what: string, work: () => Promise<void>, partition?: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await work();
        return;
      } catch (error) {
        if (this.stopping) throw error;
        this.logger.warn({ err: error, partition, attempt }, `${what} failed; trying it again`);
        await sleep(Math.min(10_000, 300 * 2 ** (attempt - 1)));
      }
    }
  }

  private async commitPending(partition: number): Promise<void> {
    const pending = this.pending.get(partition);
    if (!pending) return;
    this.pending.delete(partition);
    const { message } = pending;
    try {
      await message.commit();
    } catch (error) {
      // Still uncommitted: a later commit of this partition covers it.
      if (!this.pending.has(partition)) this.pending.set(partition, pending);
      throw error;
    }
    this.window.committed(message.topic, message.partition, (message.offset + 1n).toString());
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.stream?.pause();
    await this.queues?.idle();
    await Promise.all([...this.pending.keys()].map((partition) => this.commitPending(partition)));
    await this.stream?.close();
    await this.consumer.close();
  }
}

class PlatformaticProducer implements RecordProducer {
  constructor(private readonly producer: Producer<string, Buffer | string | null, string, string>) {}

  async send(topic: string, records: readonly KafkaRecord[]): Promise<void> {
    await this.producer.send({
      messages: records.map((r) => ({
        topic,
        key: r.key ?? undefined,
        value: r.value,
        headers: r.headers,
      })),
    });
  }

  close(): Promise<void> {
    return this.producer.close();
  }
}

/** KafkaTransport on @platformatic/kafka: maintained, promise-free internals, no kafkajs timers. */
export class PlatformaticTransport implements KafkaTransport {
  constructor(private readonly options: PlatformaticOptions) {}

  private base() {
    return {
      clientId: this.options.clientId ?? 'acpnet',
      bootstrapBrokers: [...this.options.brokers],
      retries: 8,
      retryDelay: 300,
    };
  }

  consumer(settings: ConsumerSettings): RecordConsumer {
    return new PlatformaticConsumer(this.options, settings, this.options.logger);
  }

  async producer(): Promise<RecordProducer> {
    const producer = new Producer<string, Buffer | string | null, string, string>({
      ...this.base(),
      serializers,
      idempotent: true,
      autocreateTopics: true,
      partitioner: compatibilityPartitioner,
    });
    return new PlatformaticProducer(producer);
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    const admin = new Admin(this.base());
    try {
      const existing = new Set(await admin.listTopics());
      for (const topic of topics) {
        if (existing.has(topic.name)) continue;
        await admin.createTopics({ topics: [topic.name], partitions: topic.partitions, replicas: 1 });
      }
      await admin.metadata({ topics: topics.map((t) => t.name) });
    } finally {
      await admin.close();
    }
  }

  /** A consumer used for offsets only: it never joins its group. */
  private offsetsClient(): Consumer<string, Buffer, string, string> {
    return new Consumer({ ...this.base(), groupId: `acpnet-offsets-${process.pid}`, deserializers });
  }

  private async partitionOffsets(
    client: Consumer<string, Buffer, string, string>,
    topic: string,
  ): Promise<{ partition: number; low: bigint; high: bigint }[]> {
    const highs = (await client.listOffsets({ topics: [topic] })).get(topic) ?? [];
    const lows = (await client.listOffsets({ topics: [topic], timestamp: EARLIEST })).get(topic) ?? [];
    return highs.map((high, partition) => ({ partition, low: lows[partition] ?? 0n, high }));
  }

  async readTopic(topic: string, fromOffset?: bigint): Promise<InboundRecord[]> {
    const client = this.offsetsClient();
    let offsets: { partition: number; low: bigint; high: bigint }[];
    try {
      offsets = await this.partitionOffsets(client, topic);
    } finally {
      await client.close();
    }
    const starts = new Map<number, bigint>();
    for (const o of offsets) {
      const start = fromOffset !== undefined && fromOffset > o.low ? fromOffset : o.low;
      if (start < o.high) starts.set(o.partition, start);
    }
    if (starts.size === 0) return [];
    const highs = new Map(offsets.map((o) => [o.partition, o.high]));
    const consumer = new Consumer({
      ...this.base(),
      groupId: `acpnet-read-${process.pid}-${Date.now()}`,
      deserializers,
    });
    const records: InboundRecord[] = [];
    try {
      const stream = await consumer.consume({
        topics: [topic],
        mode: 'manual',
        offsets: [...starts].map(([partition, offset]) => ({ topic, partition, offset })),
        autocommit: false,
      });
      const pending = new Set(starts.keys());
      for await (const message of stream) {
        if (!pending.has(message.partition)) continue;
        records.push(inbound(message));
        if (message.offset + 1n >= (highs.get(message.partition) ?? 0n)) {
          pending.delete(message.partition);
          if (pending.size === 0) break;
        }
      }
      await stream.close();
    } finally {
      await consumer.close(true);
    }
    return records;
  }

  async groupLag(groupId: string, topic: string): Promise<{ partition: number; lag: number }[]> {
    const client = this.offsetsClient();
    const admin = new Admin(this.base());
    try {
      const offsets = await this.partitionOffsets(client, topic);
      const [group] = await admin.listConsumerGroupOffsets({ groups: [groupId] });
      const committed = group?.topics.find((t) => t.name === topic)?.partitions ?? [];
      return offsets.map(({ partition, low, high }) => {
        const c = committed.find((p) => p.partitionIndex === partition)?.committedOffset;
        const at = c !== undefined && c >= 0n ? c : low;
        return { partition, lag: Math.max(0, Number(high - at)) };
      });
    } finally {
      await admin.close();
      await client.close();
    }
  }

  async close(): Promise<void> {}
}
