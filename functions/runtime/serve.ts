import type { CloudEvent } from 'cloudevents';
import { MemoryStore } from '../../shared/kube/memory-store.js';
import type { ResourceStore } from '../../shared/kube/store.js';
import { allFunctions } from '../registry.js';
import type { EventFunction, FunctionSettings } from './contract.js';
import { startHttpRuntime } from './http-runtime.js';
import { createKafkaTransport, type KafkaClient, kafkaClientOf } from './kafka/clients.js';
import { type KafkaRuntime, startKafkaRuntime } from './kafka-runtime.js';
import type { Logger } from './logger.js';
import { FunctionMetrics } from './metrics.js';
import { type OvsdbConnectionOptions, OvsdbConnections } from './ovsdb-connections.js';
import { prepareStore } from './prepare.js';
import { EventProcessor, type ProcessResult } from './processor.js';
import { type StateLoop, startStateLoop } from './state-loop.js';
import { consumerOf } from './tombstones.js';

export const DEFAULT_TOPIC = 'acpnet-events';
export const DEFAULT_GROUP = 'acpnet-functions';

export interface StartFunctionsOptions {
  port: number;
  store: ResourceStore;
  kafkaBrokers?: string[];
  /** See ConsumerSettings.sessionTimeoutMs. */
  kafkaSessionTimeoutMs?: number;
  /** Kafka client (default: ACPNET_KAFKA_CLIENT, else @platformatic/kafka). */
  kafkaClient?: KafkaClient;
  logger: Logger;
  host?: string;
  /**
   * Kafka topic to consume (default acpnet-events) and consumer group (default acpnet-functions, or
   * `acpnet-<consumer>` when `functions` selects some: each function's deployment consumes every event).
   */
  topic?: string;
  groupId?: string;
  /** With a MemoryStore: the manifests directory to turn into events and to write results under. */
  stateDir?: string;
  functions?: readonly EventFunction[];
  /** What the planners get as `context.settings` (the IC southbound and northbound databases). */
  settings?: FunctionSettings;
  /** TLS and time limits of the OVSDB connections. */
  ovsdb?: OvsdbConnectionOptions;
}

export interface RunningFunctions {
  /** `http://host:port` of the event receiver. */
  url: string;
  metrics: FunctionMetrics;
  /** The in-process event bus: hands an event to the functions directly. */
  publish(event: CloudEvent<unknown>): Promise<ProcessResult>;
  /** Stops consuming and resolves once in-flight events are done and offsets committed. */
  close(): Promise<void>;
}

/**
 * The functions half of `acpnet serve`: the Knative HTTP receiver on `port`, a Kafka consumer when
 * brokers are given, and an in-process bus. On a MemoryStore event objects are mirrored into the store
 * (it has no other news of the world); on a cluster store they are not.
 */
export async function startFunctions(options: StartFunctionsOptions): Promise<RunningFunctions> {
  const functions = options.functions ?? allFunctions;
  const { store, logger } = options;
  const metrics = new FunctionMetrics();
  const log = logger.child({ part: 'functions' });
  await prepareStore(store, functions);
  const ovsdb = new OvsdbConnections(options.ovsdb);
  const processor = new EventProcessor({
    store,
    functions,
    mirror: store instanceof MemoryStore,
    logger: log,
    metrics,
    settings: options.settings,
    ovsdb,
  });
  try {
    log.info({ tombstones: await processor.start() }, 'tombstones of deleted objects read');
  } catch (error) {
    log.warn({ err: error }, 'tombstones could not be read; the first event tries again');
  }
  let kafka: KafkaRuntime | undefined;
  const http = await startHttpRuntime({
    processor,
    port: options.port,
    host: options.host,
    logger: log,
    metrics,
    // With Kafka, the process is ready while it consumes: not while the broker is out of reach.
    ready: () => store.isSynced() && (kafka?.ready() ?? true),
  });
  log.info({ url: http.url, functions: functions.map((fn) => fn.name) }, 'functions listening');

  if (options.kafkaBrokers && options.kafkaBrokers.length > 0) {
    const transport = await createKafkaTransport(options.kafkaClient ?? kafkaClientOf(), {
      brokers: options.kafkaBrokers,
      logger: log,
      clientId: 'acpnet-functions',
    });
    kafka = await startKafkaRuntime({
      transport,
      processor,
      topic: options.topic ?? DEFAULT_TOPIC,
      groupId: options.groupId ?? (options.functions ? `acpnet-${consumerOf(functions)}` : DEFAULT_GROUP),
      sessionTimeoutMs: options.kafkaSessionTimeoutMs,
      logger: log,
      metrics,
    });
  }

  let stateLoop: StateLoop | undefined;
  if (options.stateDir && store instanceof MemoryStore) {
    stateLoop = startStateLoop({ dir: options.stateDir, sink: processor, store, logger: log });
    await stateLoop.ready;
  }

  return {
    url: http.url,
    metrics,
    publish: (event) => processor.process(event),
    async close() {
      stateLoop?.close();
      await kafka?.stop();
      await http.close();
      ovsdb.close();
    },
  };
}
