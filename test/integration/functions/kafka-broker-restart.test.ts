/**
 * The Kafka broker stopped and started again in the middle of a stream, once with SIGTERM (a
 * controlled shutdown) and once with SIGKILL (a crash), on a broker of this file alone, while a
 * producer keeps publishing and the functions (startFunctions, the functions half of `acpnet serve`)
 * consume. They must carry on by themselves, answer /readyz with 503 while the broker is gone and
 * with 200 again once they consume, apply every event's
 * effect exactly once (fault-stream.ts says how that is counted), and end where a replay of the
 * topic ends.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ingressSync } from '../../../functions/ingress-sync/index.js';
import { createKafkaTransport, kafkaClientOf } from '../../../functions/runtime/kafka/clients.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { prepareStore } from '../../../functions/runtime/prepare.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { readKafkaTopic, replayEvents } from '../../../functions/runtime/replay.js';
import { startFunctions } from '../../../functions/runtime/serve.js';
import type { KafkaRecord } from '../../../shared/events/kafka.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import { buildStream, EffectLedger } from './fault-stream.js';
import { type PrivateBroker, startPrivateBroker } from './kafka-broker.js';
import { clusterState, producedState } from './scenario.js';

const logger = createLogger('silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let broker: PrivateBroker;
/** What a failed test leaves running (the functions, the producer's loop) is stopped after it. */
const cleanups: (() => Promise<void> | void)[] = [];

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function freshProcessor() {
  const store = new MemoryStore({ now: () => new Date('2026-01-01T00:00:00Z') });
  store.load(clusterState());
  await prepareStore(store, [ingressSync]);
  const processor = new EventProcessor({ store, functions: [ingressSync], mirror: true, logger });
  return { store, processor };
}

beforeAll(async () => {
  broker = await startPrivateBroker();
}, 600_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await broker?.stop();
});

describe('the broker stopped and restarted in the middle of a stream', () => {
  it('loses no effect and applies none twice, through a SIGTERM and a SIGKILL of the broker', async () => {
    const started = Date.now();
    const topic = 'broker-restart';
    const groupId = `${topic}-g`;
    const stream = buildStream({
      namespace: 'demo',
      ingressClass: 'alb-demo',
      ingresses: 200,
      versions: 30,
      deleteEvery: 5,
      source: 'test://broker-restart',
      service: { name: 'web', port: 8080 },
    });
    const transport = await createKafkaTransport(kafkaClientOf(), {
      brokers: broker.brokers,
      logger,
      clientId: 'acpnet-runtime',
    });
    const producing = await createKafkaTransport(kafkaClientOf(), {
      brokers: broker.brokers,
      logger,
      clientId: 'test-producer',
    });
    await transport.ensureTopics([{ name: topic, partitions: 3 }]);

    const store = new MemoryStore({ now: () => new Date('2026-01-01T00:00:00Z') });
    store.load(clusterState());
    const ledger = new EffectLedger();
    store.watch('crd.alauda.io/Rule', (event) => ledger.observe(event.type, event.object));
    const functions = await startFunctions({
      port: 0,
      host: '127.0.0.1',
      store,
      functions: [ingressSync],
      kafkaBrokers: broker.brokers,
      topic,
      groupId,
      logger,
    });
    let functionsClosed = false;
    const closeFunctions = async () => {
      if (functionsClosed) return;
      functionsClosed = true;
      await closeFunctions();
    };
    cleanups.push(closeFunctions);
    const readiness = async () => (await fetch(`${functions.url}/readyz`)).status;

    // The producer publishes at a steady pace and, while the broker is away, tries a chunk again
    // until it is taken (a repeated record is a redelivery the consumer must absorb).
    const producer = await producing.producer();
    let published = 0;
    let sendFailures = 0;
    let abandoned = false;
    cleanups.push(() => {
      abandoned = true;
    });
    const publishing = (async () => {
      for (let at = 0; at < stream.records.length && !abandoned; at += 50) {
        const chunk: KafkaRecord[] = stream.records.slice(at, at + 50);
        while (!abandoned) {
          try {
            await producer.send(topic, chunk);
            break;
          } catch {
            sendFailures += 1;
            await sleep(500);
          }
        }
        published += chunk.length;
        await sleep(100);
      }
    })();

    const outages: {
      signal: string;
      atEffect: number;
      published: number;
      notReadyS: number;
      readyS: number;
    }[] = [];
    await until('the consumer to join its group', async () => (await readiness()) === 200);
    for (const [signal, after] of [
      ['SIGTERM', stream.records.length / 4],
      ['SIGKILL', stream.records.length / 2],
    ] as const) {
      await until(`${after} effects before the ${signal}`, () => ledger.changes >= after);
      const down = Date.now();
      const atEffect = ledger.changes;
      await broker.halt(signal);
      await until(`/readyz to answer 503 after the ${signal}`, async () => (await readiness()) === 503);
      const notReadyS = (Date.now() - down) / 1000;
      await broker.restart();
      await until(`/readyz to answer 200 again after the ${signal}`, async () => (await readiness()) === 200);
      outages.push({ signal, atEffect, published, notReadyS, readyS: (Date.now() - down) / 1000 });
    }

    await publishing;
    await producer.close();
    const total = [...stream.expected.values()].reduce((n, history) => n + history.length, 0);
    await until('every effect after the restarts', () => ledger.changes >= total);
    await until('every offset committed', async () =>
      (await transport.groupLag(groupId, topic)).every((p) => p.lag === 0),
    );
    await functions.close();

    const { lost, duplicated, outOfOrder, examples } = ledger.compare(stream.expected);
    const outcomes = (await functions.metrics.events.get()).values
      .filter((v) => v.labels.function === '-')
      .map((v) => `${v.labels.outcome} ${v.value}`);
    console.log(
      `broker restarts: ${stream.records.length} events, ${total} expected effects, ${ledger.changes} observed; ` +
        `lost ${lost}, duplicated ${duplicated}; outages ${JSON.stringify(outages)}; ` +
        `producer retries ${sendFailures}; redeliveries skipped: ${outcomes.join(', ')}; ` +
        `${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(examples).toEqual([]);
    expect({ lost, duplicated, outOfOrder }).toEqual({ lost: 0, duplicated: 0, outOfOrder: [] });

    const replayed = await freshProcessor();
    const report = await replayEvents(await readKafkaTopic(transport, { topic }), replayed.processor);
    expect(report.errors).toEqual([]);
    expect(producedState(replayed.store)).toEqual(producedState(store));
  }, 600_000);
});
