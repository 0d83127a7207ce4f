import type { KafkaRecord } from '../../../shared/events/kafka.js';

/**
 * The few Kafka operations the runtime needs. kafkajs implements it today; another client only has
 * to implement these interfaces.
 */
export interface InboundRecord extends KafkaRecord {
  topic: string;
  partition: number;
  offset: string;
  timestamp: string;
}

export interface ConsumerSettings {
  groupId: string;
  topics: readonly string[];
  fromBeginning: boolean;
  /** Partitions handled at once; records of one partition are always handled in order. */
  concurrentPartitions?: number;
  /**
   * How long the group coordinator waits for a silent member before giving its partitions to
   * another (default 10 s). A member that crashed holds its partitions this long, so a replacement
   * waits as long before it consumes.
   */
  sessionTimeoutMs?: number;
}

export interface RecordConsumer {
  /**
   * Starts consuming. `handle` sees one record at a time per partition; the record's offset is
   * committed only after `handle` resolves. A rejection leaves the offset uncommitted and the
   * record is delivered again.
   */
  run(handle: (record: InboundRecord) => Promise<void>): Promise<void>;
  /** Lets in-flight records finish, commits their offsets, leaves the group. */
  stop(): Promise<void>;
  /**
   * Whether the consumer is a member of its group now: false until it has joined, while its group
   * rebalances, and from a crash (the broker out of reach past the client's retries) until it has
   * joined again.
   */
  inGroup(): boolean;
}

export interface RecordProducer {
  send(topic: string, records: readonly KafkaRecord[]): Promise<void>;
  close(): Promise<void>;
}

export interface TopicSpec {
  name: string;
  partitions: number;
}

export interface KafkaTransport {
  consumer(settings: ConsumerSettings): RecordConsumer;
  producer(): Promise<RecordProducer>;
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /**
   * Every record of the topic from `fromOffset` (default: the beginning) of each partition up to the
   * high watermark at the time of the call, without joining a consumer group or committing.
   */
  readTopic(topic: string, fromOffset?: bigint): Promise<InboundRecord[]>;
  /** Records behind the committed offsets of a group, per partition. */
  groupLag(groupId: string, topic: string): Promise<{ partition: number; lag: number }[]>;
  close(): Promise<void>;
}
