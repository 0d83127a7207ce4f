/**
 * pod-ipam from a real Kafka topic, then the whole topic delivered again to a restarted consumer
 * (a new process on the same store: no dedup window, no version tracker; a consumer group that
 * never committed): every Pod keeps its address, nothing is allocated twice, a deleted Pod's
 * redelivered add allocates nothing (its tombstone), and the second pass makes no effect.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { podIpam } from '../../../functions/pod-ipam/index.js';
import type { EffectRecord } from '../../../functions/runtime/applier.js';
import { KafkajsTransport } from '../../../functions/runtime/kafka/kafkajs-transport.js';
import { startKafkaRuntime } from '../../../functions/runtime/kafka-runtime.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { prepareStore } from '../../../functions/runtime/prepare.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { buildChangeEvent } from '../../../shared/events/apiserver.js';
import type { EventAttributes } from '../../../shared/events/attributes.js';
import { encodeKafkaRecord } from '../../../shared/events/kafka.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { type Broker, ensureBroker } from './kafka-broker.js';

const logger = createLogger('silent');
let broker: Broker;
let transport: KafkajsTransport;

beforeAll(async () => {
  broker = await ensureBroker();
  transport = new KafkajsTransport({ brokers: broker.brokers, logger, clientId: 'pod-ipam-test' });
}, 600_000);

afterAll(async () => {
  await transport?.close();
  await broker?.stop();
});

const state: KubeObject[] = [
  {
    apiVersion: 'kubeovn.io/v1',
    kind: 'Subnet',
    metadata: { name: 'ovn-default' },
    spec: { cidrBlock: '10.16.0.0/24', default: true, gateway: '10.16.0.1' },
  },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'demo' } },
];

function pod(i: number, rv: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p-${i}`, namespace: 'demo', uid: `uid-${i}`, resourceVersion: String(rv) },
  };
}

/** 60 Pods added, the first 10 deleted afterwards. */
function records() {
  const events = [
    ...Array.from({ length: 60 }, (_, i) =>
      buildChangeEvent('add', pod(i, 100 + i), { source: 'test://pod-ipam' }),
    ),
    ...Array.from({ length: 10 }, (_, i) =>
      buildChangeEvent('delete', pod(i, 200 + i), { source: 'test://pod-ipam' }),
    ),
  ];
  return events.map((event, i) => encodeKafkaRecord(event, i % 2 === 0 ? 'binary' : 'structured'));
}

async function consume(
  topic: string,
  groupId: string,
  processor: EventProcessor,
  expected: number,
): Promise<EffectRecord[]> {
  const effects: EffectRecord[] = [];
  let seen = 0;
  const sink = {
    async process(event: EventAttributes) {
      const result = await processor.process(event);
      seen += 1;
      effects.push(...result.effects);
      return result;
    },
  };
  const runtime = await startKafkaRuntime({
    transport,
    processor: sink,
    topic,
    groupId,
    logger,
    backoffMs: 10,
  });
  const deadline = Date.now() + 120_000;
  while (seen < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  await runtime.stop();
  expect(seen).toBe(expected);
  return effects;
}

function held(store: MemoryStore): Record<string, string> {
  return Object.fromEntries(
    store
      .list('acpnet.io/IPClaim')
      .map((c) => [(c.spec as { owner: string }).owner, (c.spec as { address: string }).address]),
  );
}

describe('pod-ipam over Kafka', () => {
  it('converges under redelivery: the same topic again changes nothing', async () => {
    const topic = `pod-ipam-${process.pid}-${Date.now()}`;
    await transport.ensureTopics([{ name: topic, partitions: 3 }]);
    const producer = await transport.producer();
    await producer.send(topic, records());
    await producer.close();

    const store = new MemoryStore({ now: () => new Date('2026-01-01T00:00:00Z') });
    store.load(state);
    await prepareStore(store, [podIpam]);
    const first = new EventProcessor({ store, functions: [podIpam], mirror: true, logger });
    await consume(topic, `${topic}-a`, first, 70);
    const after = held(store);
    expect(Object.keys(after).sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `p-${i + 10}.demo`).sort(),
    );
    expect(new Set(Object.values(after)).size).toBe(50);
    for (let i = 10; i < 60; i++) {
      expect(
        store.get('/Pod', 'demo', `p-${i}`)?.metadata.annotations?.['ovn.kubernetes.io/ip_address'],
      ).toBe(after[`p-${i}.demo`]);
    }
    expect(store.list('kubeovn.io/IP')).toHaveLength(50);
    const status = store.get('kubeovn.io/Subnet', '', 'ovn-default')?.status;
    expect(status).toMatchObject({ v4usingIPs: 50, v4availableIPs: 253 - 50 });

    // A restarted consumer is handed every record again: a new process (its ledger rebuilt from the
    // store, no dedup window, no version tracker) over what the first one left.
    const reloaded = new MemoryStore({ now: () => new Date('2026-01-01T00:00:00Z') });
    reloaded.load(store.kinds().flatMap((kind) => store.list(kind)));
    await prepareStore(reloaded, [podIpam]);
    const restarted = new EventProcessor({ store: reloaded, functions: [podIpam], mirror: true, logger });
    const again = await consume(topic, `${topic}-b`, restarted, 70);
    expect(again).toEqual([]);
    expect(held(reloaded)).toEqual(after);
    expect(reloaded.get('kubeovn.io/Subnet', '', 'ovn-default')?.status).toEqual(status);
  }, 300_000);
});
