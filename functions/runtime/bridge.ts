import { buildChangeEvent, type ChangeType, decodeChangeEvent } from '../../shared/events/apiserver.js';
import { decodeKafkaRecord, encodeKafkaRecord, type KafkaMode } from '../../shared/events/kafka.js';
import type { KubeObject } from '../../shared/kube/object.js';
import { groupKind, groupOf, keyOf, keyString } from '../../shared/kube/object.js';
import type { CacheTarget, ResourceStore, Unsubscribe, WatchEvent } from '../../shared/kube/store.js';
import type { KafkaTransport, RecordProducer } from './kafka/transport.js';
import type { Logger } from './logger.js';

export interface BridgeOptions {
  store: ResourceStore;
  /** Kinds to publish whole, or the named objects of a kind (scopes). */
  kinds: readonly CacheTarget[];
  transport: KafkaTransport;
  topic: string;
  /** CloudEvents `source` of published events. */
  source: string;
  mode?: KafkaMode;
  logger: Logger;
}

export interface Bridge {
  /** Changes published since start (the relist's and the watch's). */
  published(): number;
  stop(): Promise<void>;
}

/** The last published state of an object, as read back from the topic. */
export interface Published {
  object: KubeObject;
  deleted: boolean;
}

/** The newest event per object on the topic: what consumers have been told so far. */
export async function publishedState(
  transport: KafkaTransport,
  topic: string,
  logger: Logger,
): Promise<Map<string, Published>> {
  const state = new Map<string, Published>();
  for (const record of await transport.readTopic(topic)) {
    try {
      const change = decodeChangeEvent(decodeKafkaRecord(record));
      if (!change.object) continue;
      state.set(keyString(keyOf(change.object)), {
        object: change.object,
        deleted: change.type === 'delete',
      });
    } catch (error) {
      logger.debug(
        { partition: record.partition, offset: record.offset, err: error },
        'unreadable record skipped',
      );
    }
  }
  return state;
}

export interface Change {
  type: ChangeType;
  object: KubeObject;
}

/** What consumers have not heard of: objects new or changed since the topic's last word, and deletions. */
export function relistChanges(
  published: ReadonlyMap<string, Published>,
  current: readonly KubeObject[],
): Change[] {
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const object of current) {
    const key = keyString(keyOf(object));
    seen.add(key);
    const last = published.get(key);
    if (!last || last.deleted || last.object.metadata.uid !== object.metadata.uid) {
      changes.push({ type: 'add', object });
    } else if (last.object.metadata.resourceVersion !== object.metadata.resourceVersion) {
      changes.push({ type: 'update', object });
    }
  }
  for (const [key, last] of published) {
    if (!last.deleted && !seen.has(key)) changes.push({ type: 'delete', object: last.object });
  }
  return changes;
}

const watchTypes: Record<WatchEvent['type'], ChangeType> = {
  ADDED: 'add',
  MODIFIED: 'update',
  DELETED: 'delete',
};

/** Whether the targets cover the object: its kind whole, or a scope naming it. */
function covers(targets: readonly CacheTarget[], object: KubeObject): boolean {
  const kind = groupKind(groupOf(object.apiVersion), object.kind);
  return targets.some((target) =>
    typeof target === 'string'
      ? target === kind
      : target.kind === kind &&
        target.namespace === (object.metadata.namespace ?? '') &&
        target.names.includes(object.metadata.name ?? ''),
  );
}

/**
 * Publishes ApiServerSource-shaped events of the store's objects to Kafka, keyed by namespace/name.
 * On start it reads the topic back and relists, so what changed while it was down is published too.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { store, transport, topic, logger } = options;
  const mode = options.mode ?? 'binary';
  await transport.ensureTopics([{ name: topic, partitions: 3 }]);
  const producer: RecordProducer = await transport.producer();
  let count = 0;
  let chain: Promise<void> = Promise.resolve();
  let live = false;
  const queued: Change[] = [];

  const publish = (changes: readonly Change[]): Promise<void> => {
    if (changes.length === 0) return chain;
    chain = chain.then(async () => {
      const records = changes.map((c) =>
        encodeKafkaRecord(buildChangeEvent(c.type, c.object, { source: options.source }), mode),
      );
      await producer.send(topic, records);
      count += records.length;
    });
    chain.catch((error: unknown) => logger.error({ err: error }, 'publishing failed'));
    return chain;
  };

  const kinds = [
    ...new Set(options.kinds.map((target) => (typeof target === 'string' ? target : target.kind))),
  ];
  // Watch before listing so nothing that happens during the relist is missed.
  const unsubscribes: Unsubscribe[] = kinds.map((kind) =>
    store.watch(kind, (event) => {
      if (!covers(options.kinds, event.object)) return;
      const change = { type: watchTypes[event.type], object: event.object };
      if (live) void publish([change]);
      else queued.push(change);
    }),
  );
  const published = await publishedState(transport, topic, logger);
  await store.start(options.kinds);
  const current = kinds.flatMap((kind) => store.list(kind).filter((object) => covers(options.kinds, object)));
  const missed = relistChanges(
    new Map([...published].filter(([, p]) => covers(options.kinds, p.object))),
    current,
  );
  logger.info({ topic, objects: current.length, missed: missed.length }, 'relisted; publishing what changed');
  await publish(missed);
  live = true;
  await publish(queued.splice(0));

  return {
    published: () => count,
    async stop() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      await chain.catch(() => undefined);
      await producer.close();
    },
  };
}
