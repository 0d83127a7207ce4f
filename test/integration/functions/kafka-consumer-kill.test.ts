/**
 * `acpnet serve functions` consuming a 20,000-event stream from Kafka onto a real kube-apiserver,
 * killed with SIGKILL at 20 random points of the stream (seeded: the seed is printed, and
 * ACPNET_FAULT_SEED repeats a run) and started again each time. The Ingresses live only in the
 * events, so a restarted consumer cannot tell a redelivered record from the store's copy of its
 * object: only what the runtime commits, and the idempotence of its effects, keep each effect from
 * being applied twice. A watch on the API server records every change of the Rules ingress-sync
 * writes, and fault-stream.ts compares that history with the one each event must leave.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KubeConfig, type KubernetesObject, Watch } from '@kubernetes/client-node';
import { ingressSync } from '../../../functions/ingress-sync/index.js';
import { createKafkaTransport, kafkaClientOf } from '../../../functions/runtime/kafka/clients.js';
import type { KafkaTransport } from '../../../functions/runtime/kafka/transport.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { prepareStore } from '../../../functions/runtime/prepare.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { readKafkaTopic, replayEvents } from '../../../functions/runtime/replay.js';
import { DEFAULT_TOPIC } from '../../../functions/runtime/serve.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import type { WatchEventType } from '../../../shared/kube/store.js';
import { type AcpnetProcess, repoRoot, startAcpnet } from '../../e2e/support/acpnet-process.js';
import {
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectl,
  kubectlOk,
  useKubeApiServer,
  waitForCrdsEstablished,
} from '../../support/kube-harness.js';
import { buildStream, EffectLedger, killPoints, seededRandom } from './fault-stream.js';
import { type PrivateBroker, startPrivateBroker } from './kafka-broker.js';

const KILLS = 20;
const id = randomBytes(4).toString('hex');
const app = `acpnet-kill-${id}`;
const albNamespace = `${app}-alb`;
const alb = `alb-${id}`;
const project = `kill-${id}`;
const group = `acpnet-kill-${id}`;
const logger = createLogger('silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: KubeApiServer;
let broker: PrivateBroker;
let transport: KafkaTransport;
/** The consumer process running now, killed when a test fails with it still running. */
let running: AcpnetProcess | undefined;

/** Waits for `check`; a timeout names what was awaited and ends with the consumer's last log lines. */
async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  consumer?: AcpnetProcess,
  timeoutMs = 300_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      const tail = consumer?.output().split('\n').slice(-30).join('\n') ?? '';
      throw new Error(`timed out waiting for ${what}\n${tail}`);
    }
    await sleep(100);
  }
}

const cluster: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'acpnet' } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: app, labels: { 'cpaas.io/project': project } } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: albNamespace } },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: app },
    spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
  },
  {
    apiVersion: 'crd.alauda.io/v2beta1',
    kind: 'ALB2',
    metadata: { name: alb, namespace: albNamespace },
    spec: { address: '192.0.2.10', type: 'nginx', config: { projects: [project] } },
  },
];

async function getJson(args: readonly string[]): Promise<Record<string, unknown>> {
  return JSON.parse(await kubectlOk(server.kubeconfig, ['get', ...args, '-o', 'json'])) as Record<
    string,
    unknown
  >;
}

/**
 * Every change of the Rules made from the stream's Ingresses, from the resourceVersion of an initial
 * list on; a watch the server ends is resumed where it stopped, so no change is missed.
 */
async function watchRules(ledger: EffectLedger): Promise<() => void> {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(server.kubeconfig);
  const list = await getJson(['rules.crd.alauda.io', '-n', albNamespace]);
  let resourceVersion = (list.metadata as { resourceVersion: string }).resourceVersion;
  let stopped = false;
  let abort: (() => void) | undefined;
  const watch = new Watch(kubeConfig);
  const open = async () => {
    const controller = await watch.watch(
      `/apis/crd.alauda.io/v1/namespaces/${albNamespace}/rules`,
      { resourceVersion, labelSelector: `alb2.cpaas.io/source-ns=${app}`, allowWatchBookmarks: true },
      (type: string, object: KubernetesObject) => {
        if (object.metadata?.resourceVersion) resourceVersion = object.metadata.resourceVersion;
        if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED')
          ledger.observe(type as WatchEventType, object as KubeObject);
      },
      () => {
        if (!stopped) void open();
      },
    );
    abort = () => controller.abort();
  };
  await open();
  return () => {
    stopped = true;
    abort?.();
  };
}

async function serveFunctions(): Promise<AcpnetProcess> {
  running = await startAcpnet({
    args: [
      'serve',
      'functions',
      '--functions',
      'ingress-sync',
      '--kafka-group',
      group,
      '--kubeconfig',
      server.kubeconfig,
      '--kafka-brokers',
      broker.brokers.join(','),
      '--kafka-session-timeout',
      '6',
      '--listen-address',
      '127.0.0.1',
      '--functions-port',
      '0',
    ],
    ready: (entry) => entry.msg === 'consuming',
  });
  return running;
}

/** The functions port of a consumer, from its `functions listening` log entry. */
function functionsUrl(consumer: AcpnetProcess): string {
  for (const line of consumer.output().split('\n')) {
    if (!line.includes('"functions listening"')) continue;
    const entry = JSON.parse(line) as { url?: string };
    if (entry.url) return entry.url;
  }
  throw new Error(`no "functions listening" entry:\n${consumer.output()}`);
}

/** Rules and Frontends of the test's ALB, without what the API server adds. */
function produced(rules: readonly KubeObject[], frontends: readonly KubeObject[]): unknown {
  const byName = (a: { name?: string }, b: { name?: string }) => (a.name ?? '').localeCompare(b.name ?? '');
  return {
    rules: rules
      .filter((r) => r.metadata.labels?.['alb2.cpaas.io/source-ns'] === app)
      .map((r) => ({ name: r.metadata.name, labels: r.metadata.labels, spec: r.spec }))
      .sort(byName),
    frontends: frontends
      .filter((f) => f.metadata.labels?.['alb2.cpaas.io/name'] === alb)
      .map((f) => ({ name: f.metadata.name, spec: f.spec }))
      .sort(byName),
  };
}

beforeAll(async () => {
  [server, broker] = await Promise.all([useKubeApiServer(), startPrivateBroker()]);
  await kubectlOk(server.kubeconfig, [
    'apply',
    '--server-side',
    '--force-conflicts',
    '--field-manager',
    'acpnet-harness',
    '-f',
    path.join(repoRoot, 'infra/kube/crds-local'),
  ]);
  await waitForCrdsEstablished(server.kubeconfig, [
    'alaudaloadbalancer2.crd.alauda.io',
    'frontends.crd.alauda.io',
    'rules.crd.alauda.io',
  ]);
  await kubectlOk(server.kubeconfig, ['apply', '-f', '-'], {
    stdin: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: cluster }),
  });
  transport = await createKafkaTransport(kafkaClientOf(), {
    brokers: broker.brokers,
    logger,
    clientId: 'acpnet-test',
  });
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (running?.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL');
  await kubectl(server.kubeconfig, ['delete', 'namespace', app, albNamespace, '--wait=false']);
  await server?.stop();
  await broker?.stop();
}, 120_000);

describe('a consumer killed at random points of a stream', () => {
  it(`applies every effect exactly once through ${KILLS} SIGKILLs and restarts`, async () => {
    const started = Date.now();
    const seed = Number(process.env.ACPNET_FAULT_SEED ?? randomBytes(4).readUInt32BE(0));
    const stream = buildStream({
      namespace: app,
      ingressClass: alb,
      ingresses: 500,
      versions: 40,
      deleteEvery: 5,
      source: 'test://consumer-kill',
      service: { name: 'web', port: 80 },
    });
    const total = [...stream.expected.values()].reduce((n, history) => n + history.length, 0);
    const points = killPoints(seededRandom(seed), KILLS, total);
    console.log(
      `consumer kills: seed ${seed} (ACPNET_FAULT_SEED=${seed} repeats it), points ${points.join(',')}`,
    );

    await transport.ensureTopics([{ name: DEFAULT_TOPIC, partitions: 3 }]);
    const producer = await transport.producer();
    for (let at = 0; at < stream.records.length; at += 1_000)
      await producer.send(DEFAULT_TOPIC, stream.records.slice(at, at + 1_000));
    await producer.close();

    const ledger = new EffectLedger();
    const stopWatching = await watchRules(ledger);
    const killedAt: number[] = [];
    const firstEffectMs: number[] = [];
    /** Starts a consumer and waits for its first effect, so each one makes progress before it dies. */
    const start = async (): Promise<AcpnetProcess> => {
      const before = ledger.changes;
      const at = Date.now();
      const consumer = await serveFunctions();
      await until(
        'the first effect of a restarted consumer',
        () => ledger.changes > Math.min(before, total - 1),
        consumer,
      );
      firstEffectMs.push(Date.now() - at);
      // Consuming, so ready: with Kafka, readiness follows the consumer's group membership.
      expect((await fetch(`${functionsUrl(consumer)}/readyz`)).status).toBe(200);
      return consumer;
    };
    try {
      for (const point of points) {
        const consumer = await start();
        await until(`${point} effects`, () => ledger.changes >= point, consumer);
        consumer.child.kill('SIGKILL');
        await new Promise((resolve) => consumer.child.once('close', resolve));
        killedAt.push(ledger.changes);
      }
      const last = await start();
      await until(
        'every offset committed',
        async () => (await transport.groupLag(group, DEFAULT_TOPIC)).every((p) => p.lag === 0),
        last,
        900_000,
      );
      await until('every effect observed', () => ledger.changes >= total, last, 30_000);
      expect(await last.stop()).toBe(0);
    } finally {
      stopWatching();
    }

    const { lost, duplicated, outOfOrder, examples } = ledger.compare(stream.expected);
    console.log(
      `consumer kills: ${stream.records.length} events, ${total} expected effects, ${ledger.changes} observed; ` +
        `killed ${killedAt.length} times at ${killedAt.join(',')} observed effects, ${killedAt.length + 1} starts; ` +
        `start to first effect ${Math.round(Math.min(...firstEffectMs) / 1000)}-` +
        `${Math.round(Math.max(...firstEffectMs) / 1000)} s; ` +
        `lost ${lost}, duplicated ${duplicated}; ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(examples).toEqual([]);
    expect({ lost, duplicated, outOfOrder }).toEqual({ lost: 0, duplicated: 0, outOfOrder: [] });

    // A replay of the topic onto the same cluster objects ends where the killed consumers ended.
    const store = new MemoryStore();
    const [namespaceList, services, albs] = await Promise.all([
      getJson(['namespaces', app, albNamespace]),
      getJson(['services', '-n', app]),
      getJson(['alaudaloadbalancer2.crd.alauda.io', '-n', albNamespace]),
    ]);
    store.load([namespaceList, services, albs].flatMap((list) => (list.items ?? [list]) as KubeObject[]));
    await prepareStore(store, [ingressSync]);
    const processor = new EventProcessor({ store, functions: [ingressSync], mirror: true, logger });
    const report = await replayEvents(await readKafkaTopic(transport, { topic: DEFAULT_TOPIC }), processor);
    expect(report.errors).toEqual([]);
    const [rules, frontends] = await Promise.all([
      getJson(['rules.crd.alauda.io', '-n', albNamespace]),
      getJson(['frontends.crd.alauda.io', '-n', albNamespace]),
    ]);
    expect(produced(rules.items as KubeObject[], frontends.items as KubeObject[])).toEqual(
      produced(store.list('crd.alauda.io/Rule'), store.list('crd.alauda.io/Frontend')),
    );
  }, 3_600_000);
});
