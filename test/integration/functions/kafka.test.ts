import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { allFunctions } from '../../../functions/registry.js';
import { describeTarget, type EffectRecord } from '../../../functions/runtime/applier.js';
import { startBridge } from '../../../functions/runtime/bridge.js';
import type { EventFunction } from '../../../functions/runtime/contract.js';
import { createKafkaTransport, KAFKA_CLIENTS } from '../../../functions/runtime/kafka/clients.js';
import type { KafkaTransport } from '../../../functions/runtime/kafka/transport.js';
import { DLQ_HEADERS, startKafkaRuntime } from '../../../functions/runtime/kafka-runtime.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { FunctionMetrics } from '../../../functions/runtime/metrics.js';
import { prepareStore } from '../../../functions/runtime/prepare.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { readKafkaTopic, replayEvents } from '../../../functions/runtime/replay.js';
import { decodeChangeEvent } from '../../../shared/events/apiserver.js';
import { decodeKafkaRecord } from '../../../shared/events/kafka.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { INGRESS } from '../../../shared/kube/schemas/ingress.js';
import { buildStream } from './fault-stream.js';
import { type Broker, ensureBroker } from './kafka-broker.js';
import { clusterState, ingressRecords, producedState, stateFile } from './scenario.js';

const logger = createLogger('silent');
let broker: Broker;

async function freshStore(): Promise<{ store: MemoryStore; processor: EventProcessor }> {
  const store = new MemoryStore({ now: () => new Date('2026-01-01T00:00:00Z') });
  store.load(clusterState());
  await prepareStore(store, allFunctions);
  return { store, processor: new EventProcessor({ store, functions: allFunctions, mirror: true, logger }) };
}

async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  broker = await ensureBroker();
}, 600_000);

afterAll(async () => {
  await broker?.stop();
});

// Every test runs on each Kafka client the runtime can be built on.
describe.each(KAFKA_CLIENTS)('on %s', (client) => {
  let transport: KafkaTransport;

  beforeAll(async () => {
    transport = await createKafkaTransport(client, {
      brokers: broker.brokers,
      logger,
      clientId: 'acpnet-test',
    });
  });

  afterAll(async () => {
    await transport?.close();
  });

  describe('Kafka runtime with ingress-sync', () => {
    const topic = `ingress-events-${client}-${process.pid}-${Date.now()}`;
    const dlq = `${topic}.dlq`;
    let live: MemoryStore;

    it('applies produced events to the store and dead-letters poison events with their error', async () => {
      await transport.ensureTopics([
        { name: topic, partitions: 3 },
        { name: dlq, partitions: 1 },
      ]);
      const producer = await transport.producer();
      await producer.send(topic, ingressRecords(20, 'test://kafka'));
      await producer.send(topic, [
        {
          key: 'demo/poison',
          value: '{}',
          headers: { ce_specversion: '1.0', ce_id: 'p1', ce_source: 't', ce_type: 'com.example.poison' },
        },
        {
          key: 'demo/garbled',
          value: '{not json',
          headers: { 'content-type': 'application/cloudevents+json' },
        },
      ]);
      await producer.close();

      const { store, processor } = await freshStore();
      live = store;
      const metrics = new FunctionMetrics();
      const runtime = await startKafkaRuntime({
        transport,
        processor,
        topic,
        groupId: `${topic}-g`,
        logger,
        backoffMs: 10,
        metrics,
        lagIntervalMs: 200,
      });
      try {
        await until('every Ingress synced', async () => {
          const lag = await transport.groupLag(`${topic}-g`, topic);
          return lag.every((p) => p.lag === 0);
        });
        await until('the lag metric to show every partition drained', async () => {
          const { values } = await metrics.consumerLag.get();
          return values.length === 3 && values.every((v) => v.value === 0);
        });
      } finally {
        await runtime.stop();
      }
      expect((await metrics.deadLettered.get()).values[0]?.value).toBe(2);
      // 20 Ingresses, each ending with the single path /c: one Rule each (http or https by class).
      expect(store.list('crd.alauda.io/Rule')).toHaveLength(20);
      expect(store.list('crd.alauda.io/Rule').every((r) => (r.spec as { url: string }).url === '/c')).toBe(
        true,
      );

      const dead = await transport.readTopic(dlq);
      expect(dead.map((r) => r.key).sort()).toEqual(['demo/garbled', 'demo/poison']);
      const poison = dead.find((r) => r.key === 'demo/poison');
      expect(poison?.headers[DLQ_HEADERS.error]).toMatch(/unsupported event type "com.example.poison"/);
      expect(poison?.headers[DLQ_HEADERS.errorType]).toBe('EventFormatError');
      expect(poison?.headers[DLQ_HEADERS.topic]).toBe(topic);
      expect(dead.find((r) => r.key === 'demo/garbled')?.headers[DLQ_HEADERS.error]).toMatch(
        /malformed JSON/,
      );
    }, 180_000);

    it('replaying the topic from the beginning onto an empty store reproduces the same state', async () => {
      const { store, processor } = await freshStore();
      const report = await replayEvents(await readKafkaTopic(transport, { topic }), processor);
      expect(report.events).toBe(62);
      expect(report.errors.map((e) => e.event).sort()).toEqual([expect.stringMatching(/^kafka:\/\//), 'p1']);
      expect(producedState(store)).toEqual(producedState(live));
    }, 180_000);
  });

  describe('Kafka runtime on failures', () => {
    it('retries a failing event with backoff, then dead-letters it with the error; later events go on', async () => {
      const topic = `flaky-${client}-${process.pid}-${Date.now()}`;
      await transport.ensureTopics([
        { name: topic, partitions: 1 },
        { name: `${topic}.dlq`, partitions: 1 },
      ]);
      const attempts = new Map<string, number>();
      const flaky: EventFunction = {
        name: 'flaky',
        consumes: [INGRESS],
        reads: [],
        plan: (event) => {
          const name = event.object.metadata.name ?? '';
          attempts.set(name, (attempts.get(name) ?? 0) + 1);
          if (name === 'app-0') throw new Error('backend keeps failing');
          return [];
        },
      };
      const store = new MemoryStore();
      await prepareStore(store, [flaky]);
      const processor = new EventProcessor({ store, functions: [flaky], mirror: false, logger });
      const producer = await transport.producer();
      await producer.send(topic, ingressRecords(2, 'test://flaky').slice(0, 2));
      await producer.close();
      const runtime = await startKafkaRuntime({
        transport,
        processor,
        topic,
        groupId: `${topic}-g`,
        logger,
        maxRetries: 3,
        backoffMs: 5,
      });
      try {
        await until('both events handled', () => attempts.get('app-1') === 1);
      } finally {
        await runtime.stop();
      }
      expect(attempts.get('app-0')).toBe(4);
      const dead = await transport.readTopic(`${topic}.dlq`);
      expect(dead).toHaveLength(1);
      expect(dead[0]?.key).toBe('demo/app-0');
      expect(dead[0]?.headers[DLQ_HEADERS.error]).toBe('backend keeps failing');
      expect(dead[0]?.headers[DLQ_HEADERS.attempts]).toBe('4');
    }, 120_000);
  });

  describe('a consumer process killed mid-stream', () => {
    const topic = `ingress-kill-${client}-${process.pid}-${Date.now()}`;
    const groupId = `${topic}-g`;
    const snapshotFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'acpnet-consumer-')), 'snapshot.json');
    const child = path.resolve(import.meta.dirname, 'consumer-child.ts');

    function startChild(): { proc: ChildProcess; processed: () => number; exited: Promise<number | null> } {
      const proc = spawn(
        process.execPath,
        ['--import', 'tsx', child, broker.brokers.join(','), topic, groupId, snapshotFile, stateFile, client],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let count = 0;
      proc.stdout?.on('data', (chunk: Buffer) => {
        count += chunk
          .toString()
          .split('\n')
          .filter((l) => l.startsWith('processed ')).length;
      });
      const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
      return { proc, processed: () => count, exited };
    }

    it('loses nothing and applies nothing twice after a restart', async () => {
      await transport.ensureTopics([{ name: topic, partitions: 3 }]);
      const producer = await transport.producer();
      await producer.send(topic, ingressRecords(100, 'test://kill'));
      await producer.close();

      const first = startChild();
      await until('the first consumer to be mid-stream', () => first.processed() >= 60);
      first.proc.kill('SIGKILL');
      await first.exited;
      const firstCount = first.processed();
      expect(firstCount).toBeLessThan(300);

      const second = startChild();
      // A child starts slowly on a busy machine (every module compiled on load): a generous bound.
      await until(
        'the second consumer to drain the topic',
        async () => (await transport.groupLag(groupId, topic)).every((p) => p.lag === 0),
        240_000,
      );
      second.proc.kill('SIGTERM');
      expect(await second.exited).toBe(0);

      const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as {
        objects: KubeObject[];
        applied: (EffectRecord & { event: string })[];
      };
      const applied = snapshot.applied.map((e) => `${e.event}|${e.op}|${describeTarget(e)}`);
      expect(new Set(applied).size).toBe(applied.length);

      const restored = new MemoryStore();
      restored.load(snapshot.objects);
      const { store, processor } = await freshStore();
      const report = await replayEvents(await readKafkaTopic(transport, { topic }), processor);
      expect(report.errors).toEqual([]);
      expect(producedState(restored)).toEqual(producedState(store));
      expect(restored.list('crd.alauda.io/Rule')).toHaveLength(100);
      rmSync(path.dirname(snapshotFile), { recursive: true, force: true });
    }, 300_000);
  });

  describe('offset commits', () => {
    it('commits before a second record of one object, so a crash leaves at most one of its records to redeliver', async () => {
      const topic = `commits-${client}-${process.pid}-${Date.now()}`;
      await transport.ensureTopics([{ name: topic, partitions: 1 }]);
      // Ten updates of one Ingress (ing-1: the stream deletes only every second Ingress, from ing-0).
      const records = buildStream({
        namespace: 'demo',
        ingressClass: 'alb-demo',
        ingresses: 2,
        versions: 10,
        deleteEvery: 2,
        source: 'test://commits',
        service: { name: 'web', port: 80 },
      }).records.filter((record) => record.key === 'demo/ing-1');
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let reachedLast = false;
      const holdLast: EventFunction = {
        name: 'hold-last',
        consumes: [INGRESS],
        reads: [],
        plan: async (event) => {
          if (event.resourceVersion === '1009') {
            reachedLast = true;
            await released;
          }
          return [];
        },
      };
      const store = new MemoryStore();
      await prepareStore(store, [holdLast]);
      const processor = new EventProcessor({ store, functions: [holdLast], mirror: false, logger });
      const producer = await transport.producer();
      await producer.send(topic, records);
      await producer.close();
      const groupId = `${topic}-g`;
      const runtime = await startKafkaRuntime({ transport, processor, topic, groupId, logger });
      try {
        await until('the last record to be handled', () => reachedLast);
        // All ten arrive in one batch; the nine before the last are committed although the batch is
        // not done, because each of them was followed by another record of the same Ingress.
        expect(await transport.groupLag(groupId, topic)).toEqual([{ partition: 0, lag: 1 }]);
        release();
        await until('the last offset committed', async () =>
          (await transport.groupLag(groupId, topic)).every((p) => p.lag === 0),
        );
      } finally {
        release();
        await runtime.stop();
      }
    }, 120_000);
  });

  describe('acpnet bridge', () => {
    const topic = `bridge-${client}-${process.pid}-${Date.now()}`;
    const kinds = ['networking.k8s.io/Ingress'] as const;

    function ing(name: string, path: string): KubeObject {
      return {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name, namespace: 'demo' },
        spec: {
          ingressClassName: 'alb-demo',
          rules: [
            {
              http: {
                paths: [
                  { path, pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
                ],
              },
            },
          ],
        },
      };
    }

    async function published(): Promise<string[]> {
      return (await transport.readTopic(topic)).map((r) => {
        const change = decodeChangeEvent(decodeKafkaRecord(r));
        expect(r.key).toBe(`demo/${change.ref.name}`);
        return `${change.type} ${change.ref.name}`;
      });
    }

    it('publishes watched changes, and after a restart relists and publishes only what changed', async () => {
      const store = new MemoryStore();
      const options = { store, kinds, transport, topic, source: 'acpnet://bridge-test', logger };
      const first = await startBridge(options);
      await store.apply(ing('keep', '/k'), { fieldManager: 'test' });
      await store.apply(ing('change', '/c'), { fieldManager: 'test' });
      await store.apply(ing('drop', '/d'), { fieldManager: 'test' });
      await until('three adds published', () => first.published() === 3);
      await first.stop();
      expect((await published()).sort()).toEqual(['add change', 'add drop', 'add keep']);

      // While the bridge is down: one update, one delete, one new object.
      await store.apply(ing('change', '/c2'), { fieldManager: 'test' });
      await store.delete({ groupKind: 'networking.k8s.io/Ingress', namespace: 'demo', name: 'drop' });
      await store.apply(ing('new', '/n'), { fieldManager: 'test' });

      const second = await startBridge(options);
      await until('the missed changes published', () => second.published() === 3);
      await second.stop();
      // Partitions interleave on reading, so compare the whole topic: the first run's three adds and
      // exactly the three missed changes, nothing republished.
      expect((await published()).sort()).toEqual([
        'add change',
        'add drop',
        'add keep',
        'add new',
        'delete drop',
        'update change',
      ]);
    }, 180_000);
  });
});
