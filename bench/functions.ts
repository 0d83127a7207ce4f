// npm run bench:functions — ingress-sync replay throughput on a MemoryStore, and Kafka consumption
// through the runtime (no-op function) beside a bare kafkajs consumer in the same run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CloudEvent } from 'cloudevents';
import { Kafka, logLevel } from 'kafkajs';
import { parse } from 'yaml';
import { ingressSync } from '../functions/ingress-sync/index.js';
import type { EventFunction } from '../functions/runtime/contract.js';
import { KafkajsTransport } from '../functions/runtime/kafka/kafkajs-transport.js';
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

async function benchKafka(): Promise<void> {
  const broker = await brokers();
  try {
    const transport = new KafkajsTransport({ brokers: broker.list, logger, clientId: 'bench' });
    const topic = `bench-${process.pid}-${Date.now()}`;
    await transport.ensureTopics([{ name: topic, partitions: 3 }]);
    const producer = await transport.producer();
    const records: KafkaRecord[] = [];
    for (let i = 0; i < KAFKA_RECORDS; i++) {
      records.push(encodeKafkaRecord(buildChangeEvent('add', ingress(i, 0), { source: 'bench' }), 'binary'));
    }
    for (let i = 0; i < records.length; i += 1000) await producer.send(topic, records.slice(i, i + 1000));
    await producer.close();

    // Baseline: a bare kafkajs consumer that only counts messages.
    const kafka = new Kafka({ clientId: 'bench-bare', brokers: broker.list, logLevel: logLevel.NOTHING });
    const bare = kafka.consumer({ groupId: `${topic}-bare` });
    await bare.connect();
    await bare.subscribe({ topic, fromBeginning: true });
    let bareCount = 0;
    let bareStart = 0n;
    const bareDone = new Promise<bigint>((resolve) => {
      void bare.run({
        partitionsConsumedConcurrently: 3,
        eachMessage: async () => {
          if (bareCount === 0) bareStart = process.hrtime.bigint();
          if (++bareCount === KAFKA_RECORDS) resolve(process.hrtime.bigint());
        },
      });
    });
    const bareSeconds = Number((await bareDone) - bareStart) / 1e9;
    await bare.disconnect();

    // The runtime: decode, dedup, stale check, a no-op function, commit after each record.
    const store = new MemoryStore();
    await prepareStore(store, [noop]);
    const processor = new EventProcessor({
      store,
      functions: [noop],
      mirror: false,
      logger,
      dedupCapacity: 1000,
    });
    let count = 0;
    let start = 0n;
    let finish: (t: bigint) => void = () => {};
    const done = new Promise<bigint>((resolve) => {
      finish = resolve;
    });
    const sink = {
      async process(event: CloudEvent<unknown>) {
        if (count === 0) start = process.hrtime.bigint();
        const result = await processor.process(event);
        if (++count === KAFKA_RECORDS) finish(process.hrtime.bigint());
        return result;
      },
    };
    const runtime = await startKafkaRuntime({
      transport,
      processor: sink,
      topic,
      groupId: `${topic}-runtime`,
      logger,
    });
    const seconds = Number((await done) - start) / 1e9;
    await runtime.stop();

    const bareRate = KAFKA_RECORDS / bareSeconds;
    const rate = KAFKA_RECORDS / seconds;
    console.log(
      `kafka: bare kafkajs consumer ${Math.round(bareRate)} records/s (${KAFKA_RECORDS} records, 3 partitions)`,
    );
    console.log(`kafka: runtime with a no-op function ${Math.round(rate)} records/s`);
    reportFigure({
      name: 'Kafka runtime (no-op function)/bare kafkajs',
      value: rate / bareRate,
      unit: 'x',
      goal: '≥ 0.7',
    });
    console.log(`kafka: ratio runtime/bare = ${(rate / bareRate).toFixed(3)}`);
  } finally {
    broker.stop();
  }
}

// ACPNET_BENCH_PART=replay|kafka runs one part only.
const part = process.env.ACPNET_BENCH_PART;
if (part !== 'kafka') await benchReplay();
if (part !== 'replay' && process.env.BENCH_SKIP_KAFKA !== '1') await benchKafka();
