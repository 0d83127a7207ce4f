// npm run bench:functions — ingress-sync replay throughput on a MemoryStore, and Kafka consumption
// through the runtime (no-op function) on each Kafka client, beside that client's bare consumer,
// all in the same run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Consumer } from '@platformatic/kafka';
import type { CloudEvent } from 'cloudevents';
import { Kafka, logLevel } from 'kafkajs';
import { parse } from 'yaml';
import { ingressSync } from '../functions/ingress-sync/index.js';
import type { EventFunction } from '../functions/runtime/contract.js';
import { createKafkaTransport, KAFKA_CLIENTS, type KafkaClient } from '../functions/runtime/kafka/clients.js';
import type { KafkaTransport } from '../functions/runtime/kafka/transport.js';
import { startKafkaRuntime } from '../functions/runtime/kafka-runtime.js';
import { createLogger } from '../functions/runtime/logger.js';
import { prepareStore } from '../functions/runtime/prepare.js';
import { EventProcessor } from '../functions/runtime/processor.js';
import { buildChangeEvent } from '../shared/events/apiserver.js';
import { encodeKafkaRecord, type KafkaRecord } from '../shared/events/kafka.js';
import { MemoryStore } from '../shared/kube/memory-store.js';
import type { KubeObject } from '../shared/kube/object.js';
import { INGRESS } from '../shared/kube/schemas/ingress.js';
import { reportFigure } from './support/figures.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const logger = createLogger('silent');
const REPLAY_EVENTS = Number(process.env.BENCH_REPLAY_EVENTS ?? 100_000);
const KAFKA_RECORDS = Number(process.env.BENCH_KAFKA_RECORDS ?? 30_000);

function ingress(i: number, version: number): KubeObject {
  const paths = version === 0 ? ['/a', '/b'] : ['/a', `/v${version}`];
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: `app-${i}`, namespace: 'demo', uid: `uid-${i}`, resourceVersion: String(version + 1) },
    spec: {
      ingressClassName: i % 3 === 0 ? 'alb-all' : 'alb-demo',
      rules: [
        {
          host: `app-${i}.example.com`,
          http: {
            paths: paths.map((p) => ({
              path: p,
              pathType: 'Prefix',
              backend: { service: { name: 'web', port: { number: 80 } } },
            })),
          },
        },
      ],
    },
  };
}

/** 25,000 Ingresses, each added and then updated three times: 100,000 events. */
function replayEvents(): CloudEvent<unknown>[] {
  const events: CloudEvent<unknown>[] = [];
  const ingresses = REPLAY_EVENTS / 4;
  for (let version = 0; version < 4; version++) {
    for (let i = 0; i < ingresses; i++) {
      events.push(
        buildChangeEvent(version === 0 ? 'add' : 'update', ingress(i, version), { source: 'bench' }),
      );
    }
  }
  return events;
}

async function benchReplay(): Promise<void> {
  const state = parse(
    readFileSync(path.join(repoRoot, 'test/fixtures/functions/ingress-sync/state.yaml'), 'utf8'),
  );
  const store = new MemoryStore();
  store.load(state as KubeObject[]);
  await prepareStore(store, [ingressSync]);
  const processor = new EventProcessor({ store, functions: [ingressSync], mirror: true, logger });
  const events = replayEvents();
  const started = process.hrtime.bigint();
  for (const event of events) await processor.process(event);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rules = store.list('crd.alauda.io/Rule').length;
  reportFigure({
    name: 'replay through ingress-sync',
    value: events.length / seconds,
    unit: 'events/s',
    goal: '≥ 50000',
  });
  console.log(
    `replay: ${events.length} Ingress events through ingress-sync onto a MemoryStore in ${seconds.toFixed(2)} s = ${Math.round(events.length / seconds)} events/s (${rules} Rules)`,
  );
}

async function brokers(): Promise<{ list: string[]; stop: () => void }> {
  if (process.env.ACPNET_KAFKA_BROKERS)
    return { list: process.env.ACPNET_KAFKA_BROKERS.split(','), stop: () => {} };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'acpnet-bench-kafka-'));
  const out = execFileSync(path.join(repoRoot, 'infra/kafka/start.sh'), [dir], { encoding: 'utf8' });
  return {
    list: [out.trim().split('\n').at(-1) ?? ''],
    stop: () => {
      execFileSync(path.join(repoRoot, 'infra/kafka/stop.sh'), [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const noop: EventFunction = {
  name: 'noop',
  consumes: [INGRESS],
  reads: [],
  plan: () => [],
};

/** Seconds from the first record to the last of `KAFKA_RECORDS`, as `count` reports each one. */
function stopwatch(): { count: () => void; done: Promise<number> } {
  let counted = 0;
  let start = 0n;
  let finish: (seconds: number) => void = () => {};
  const done = new Promise<number>((resolve) => {
    finish = resolve;
  });
  return {
    count() {
      if (counted === 0) start = process.hrtime.bigint();
      if (++counted === KAFKA_RECORDS) finish(Number(process.hrtime.bigint() - start) / 1e9);
    },
    done,
  };
}

/** A bare kafkajs consumer that only counts messages. */
async function bareKafkajs(brokerList: string[], topic: string): Promise<number> {
  const kafka = new Kafka({ clientId: 'bench-bare', brokers: brokerList, logLevel: logLevel.NOTHING });
  const bare = kafka.consumer({ groupId: `${topic}-bare-kafkajs` });
  await bare.connect();
  await bare.subscribe({ topic, fromBeginning: true });
  const watch = stopwatch();
  await bare.run({ partitionsConsumedConcurrently: 3, eachMessage: async () => watch.count() });
  const seconds = await watch.done;
  await bare.disconnect();
  return KAFKA_RECORDS / seconds;
}

/** A bare @platformatic/kafka consumer that only counts messages. */
async function barePlatformatic(brokerList: string[], topic: string): Promise<number> {
  const bare = new Consumer({
    clientId: 'bench-bare',
    bootstrapBrokers: brokerList,
    groupId: `${topic}-bare-platformatic`,
  });
  const stream = await bare.consume({ topics: [topic], mode: 'earliest', autocommit: false });
  const watch = stopwatch();
  stream.on('data', () => watch.count());
  const seconds = await watch.done;
  await stream.close();
  await bare.close(true);
  return KAFKA_RECORDS / seconds;
}

/** The runtime: decode, dedup, stale check, a no-op function, commit after each record. */
async function runtimeRate(transport: KafkaTransport, topic: string, client: KafkaClient): Promise<number> {
  const store = new MemoryStore();
  await prepareStore(store, [noop]);
  const processor = new EventProcessor({
    store,
    functions: [noop],
    mirror: false,
    logger,
    dedupCapacity: 1000,
  });
  const watch = stopwatch();
  const sink = {
    async process(event: CloudEvent<unknown>) {
      const result = await processor.process(event);
      watch.count();
      return result;
    },
  };
  const runtime = await startKafkaRuntime({
    transport,
    processor: sink,
    topic,
    groupId: `${topic}-runtime-${client}`,
    logger,
  });
  const seconds = await watch.done;
  await runtime.stop();
  return KAFKA_RECORDS / seconds;
}

async function benchKafka(): Promise<void> {
  const broker = await brokers();
  try {
    const transports = {
      kafkajs: await createKafkaTransport('kafkajs', { brokers: broker.list, logger, clientId: 'bench' }),
      platformatic: await createKafkaTransport('platformatic', {
        brokers: broker.list,
        logger,
        clientId: 'bench',
      }),
    };
    const topic = `bench-${process.pid}-${Date.now()}`;
    await transports.kafkajs.ensureTopics([{ name: topic, partitions: 3 }]);
    const producer = await transports.kafkajs.producer();
    const records: KafkaRecord[] = [];
    for (let i = 0; i < KAFKA_RECORDS; i++) {
      records.push(encodeKafkaRecord(buildChangeEvent('add', ingress(i, 0), { source: 'bench' }), 'binary'));
    }
    for (let i = 0; i < records.length; i += 1000) await producer.send(topic, records.slice(i, i + 1000));
    await producer.close();

    // Interleaved, so both clients see the same load on the machine.
    const bare = {
      kafkajs: await bareKafkajs(broker.list, topic),
      platformatic: await barePlatformatic(broker.list, topic),
    };
    const runtime = {
      kafkajs: await runtimeRate(transports.kafkajs, topic, 'kafkajs'),
      platformatic: await runtimeRate(transports.platformatic, topic, 'platformatic'),
    };
    for (const client of KAFKA_CLIENTS) {
      console.log(
        `kafka (${client}): bare consumer ${Math.round(bare[client])} records/s, runtime with a no-op function ${Math.round(runtime[client])} records/s (${KAFKA_RECORDS} records, 3 partitions)`,
      );
      reportFigure({
        name: `Kafka runtime (no-op function)/bare ${client}`,
        value: runtime[client] / bare[client],
        unit: 'x',
        goal: '≥ 0.7',
      });
    }
    reportFigure({
      name: 'Kafka runtime platformatic/kafkajs',
      value: runtime.platformatic / runtime.kafkajs,
      unit: 'x',
    });
    reportFigure({
      name: 'Kafka bare consumer platformatic/kafkajs',
      value: bare.platformatic / bare.kafkajs,
      unit: 'x',
    });
  } finally {
    broker.stop();
  }
}

// ACPNET_BENCH_PART=replay|kafka runs one part only.
const part = process.env.ACPNET_BENCH_PART;
if (part !== 'kafka') await benchReplay();
if (part !== 'replay' && process.env.BENCH_SKIP_KAFKA !== '1') await benchKafka();
