/**
 * The interconnect functions on real components: an ovsdb-server with Debian's OVN schemas (two
 * zones filled as ovn-ic fills them), a private kube-apiserver where the functions run as their
 * ServiceAccounts with the RBAC the overlays ship, and Kafka for the OVSDB bridge.
 *
 * - interconnect-cleanup removes the zone when ovn-ic-config is deleted or disabled, once, and
 *   refuses the zone of a cluster that is connected again;
 * - interconnect-cidrs follows Route inserts and deletes through the OVSDB bridge's monitor;
 * - the bridge to Kafka publishes what changed while it was down, and `acpnet replay` of its topic
 *   writes the same state twice and nothing onto its own result;
 * - `acpnet replay` of a recorded ovn-ic-config delete reports op "ovsdb" in a dry run, cleans, and
 *   then has nothing to do; a recorded config without a database is refused.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { interconnectCidrs } from '../../../functions/interconnect-cidrs/index.js';
import { interconnectCleanup } from '../../../functions/interconnect-cleanup/index.js';
import { KafkajsTransport } from '../../../functions/runtime/kafka/kafkajs-transport.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { startOvsdbBridge } from '../../../functions/runtime/ovsdb-bridge.js';
import { httpPublisher, kafkaPublisher } from '../../../functions/runtime/row-publishers.js';
import { type RunningFunctions, startFunctions } from '../../../functions/runtime/serve.js';
import { buildChangeEvent } from '../../../shared/events/apiserver.js';
import { decodeKafkaRecord } from '../../../shared/events/kafka.js';
import { decodeRowEvent } from '../../../shared/events/ovsdb-row.js';
import { readZonesState, zoneNames } from '../../../shared/interconnect/zones-state.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { runInProcess } from '../../support/cli-in-process.js';
import {
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectlOk,
  startKubeApiServer,
} from '../../support/kube-harness.js';
import {
  dump,
  fillNorthbound,
  fillZone,
  icSbctl,
  nbctl,
  type OvsdbServer,
  startOvsdb,
  uuidOf,
} from '../ovsdb/support.js';
import {
  applyShippedRbac,
  kubeStoreOf,
  post,
  readConfigMap,
  serviceAccountKubeconfig,
  until,
} from './interconnect-support.js';
import { type Broker, ensureBroker } from './kafka-broker.js';

jest.setTimeout(240_000);

const SB = 'OVN_IC_Southbound';
const logger = createLogger('silent');

let kube: KubeApiServer;
let broker: Broker;
let dir: string;
let cleanupKubeconfig: string;
let cidrsKubeconfig: string;
let ovsdb: OvsdbServer;
const running: RunningFunctions[] = [];

beforeAll(async () => {
  // A private API server: these functions watch kube-system, and the suite applies their RBAC.
  kube = await startKubeApiServer();
  broker = await ensureBroker();
  dir = await mkdtemp(path.join(tmpdir(), 'acpnet-interconnect-'));
  await applyShippedRbac(kube.kubeconfig, 'without-knative', [
    'acpnet-interconnect-cleanup',
    'acpnet-interconnect-cidrs',
  ]);
  cleanupKubeconfig = await serviceAccountKubeconfig(
    kube.kubeconfig,
    'acpnet-interconnect-cleanup',
    path.join(dir, 'cleanup.kubeconfig'),
  );
  cidrsKubeconfig = await serviceAccountKubeconfig(
    kube.kubeconfig,
    'acpnet-interconnect-cidrs',
    path.join(dir, 'cidrs.kubeconfig'),
  );
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await kube?.stop();
  await broker?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  ovsdb = await startOvsdb({ databases: ['ovn-ic-sb', 'ovn-nb'] });
  await fillZone(ovsdb.address, 'az-a', { index: 1, routes: 2 });
  await fillZone(ovsdb.address, 'az-b', { index: 2, routes: 3 });
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((functions) => functions.close()));
  await kubectlOk(kube.kubeconfig, [
    'delete',
    'configmap',
    '-n',
    'kube-system',
    '--ignore-not-found',
    'ovn-ic-config',
    'acpnet-interconnect-cidrs',
    'acpnet-interconnect-zones',
  ]);
  await ovsdb?.stop();
});

const port = () => ovsdb.address.split(':').at(-1)!;

/** kube-system/ovn-ic-config as the cluster holds it after applying it. */
async function applyConfig(data: Record<string, string>): Promise<KubeObject> {
  const manifest = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'ovn-ic-config', namespace: 'kube-system' },
    data,
  };
  await kubectlOk(
    kube.kubeconfig,
    ['apply', '--server-side', '--field-manager=acpnet-test', '--force-conflicts', '-f', '-'],
    {
      stdin: JSON.stringify(manifest),
    },
  );
  return (await readConfigMap(kube.kubeconfig, 'ovn-ic-config'))!;
}

function connected(zone: string): Record<string, string> {
  return {
    'enable-ic': 'true',
    'az-name': zone,
    'ic-db-host': '127.0.0.1',
    'ic-sb-port': port(),
    'gw-nodes': 'node-1',
  };
}

async function functionsAs(kubeconfig: string, fn: typeof interconnectCleanup, northbound?: string) {
  const functions = await startFunctions({
    port: 0,
    host: '127.0.0.1',
    store: kubeStoreOf(kubeconfig),
    logger,
    functions: [fn],
    settings: northbound ? { northbound } : {},
  });
  running.push(functions);
  return functions;
}

async function zoneNamesIn(address: string): Promise<string[]> {
  return (await dump(address, SB)).Availability_Zone!.map((row) => row.name as string).sort();
}

describe('interconnect-cleanup on ovn-ic-config events', () => {
  it('removes the zone the deleted ovn-ic-config names, with the transit switch of its northbound database, once', async () => {
    await fillNorthbound(ovsdb.address, 'az-b');
    const functions = await functionsAs(cleanupKubeconfig, interconnectCleanup, ovsdb.address);
    const config = await applyConfig(connected('az-b'));
    const before = await dump(ovsdb.address, SB);
    await kubectlOk(kube.kubeconfig, ['delete', 'configmap', 'ovn-ic-config', '-n', 'kube-system']);

    const deleted = await post(
      functions.url,
      buildChangeEvent('delete', config, { source: 'test://apiserver' }),
    );
    expect(deleted).toEqual({
      status: 202,
      body: { id: expect.any(String), outcome: 'processed', effects: 2 },
    });
    const after = await dump(ovsdb.address, SB);
    expect(after.Availability_Zone!.map((row) => row.name)).toEqual(['az-a']);
    const azA = before.Availability_Zone!.find((row) => row.name === 'az-a')!;
    const keptRoutes = before.Route!.filter(
      (row) => JSON.stringify(row.availability_zone) === JSON.stringify(azA._uuid),
    );
    expect(after.Route!.map(uuidOf).sort()).toEqual(keptRoutes.map(uuidOf).sort());
    expect(after.Gateway!.map((row) => row.name)).toEqual(['gw-az-a']);
    expect(await nbctl(ovsdb.address, '--bare', '--columns=name', 'list', 'Logical_Switch')).not.toContain(
      'ts\n',
    );

    // Delivered again to a process started anew (no memory of it): nothing is left to do.
    await functions.close();
    running.splice(running.indexOf(functions), 1);
    const restarted = await functionsAs(cleanupKubeconfig, interconnectCleanup, ovsdb.address);
    const again = await post(
      restarted.url,
      buildChangeEvent('delete', config, { source: 'test://apiserver', id: 'again' }),
    );
    expect(again).toEqual({ status: 202, body: { id: 'again', outcome: 'processed', effects: 0 } });
    expect(await dump(ovsdb.address, SB)).toEqual(after);
  });

  it('removes the zone when enable-ic is set to "false"', async () => {
    const functions = await functionsAs(cleanupKubeconfig, interconnectCleanup);
    await applyConfig(connected('az-a'));
    const disabled = await applyConfig({ ...connected('az-a'), 'enable-ic': 'false' });
    const result = await post(
      functions.url,
      buildChangeEvent('update', disabled, { source: 'test://apiserver' }),
    );
    expect(result.body).toMatchObject({ outcome: 'processed', effects: 1 });
    expect(await zoneNamesIn(ovsdb.address)).toEqual(['az-b']);
  });

  it('refuses, naming it, the zone of a cluster connected again under that name, and leaves it whole', async () => {
    const functions = await functionsAs(cleanupKubeconfig, interconnectCleanup);
    const old = await applyConfig(connected('az-a'));
    await kubectlOk(kube.kubeconfig, ['delete', 'configmap', 'ovn-ic-config', '-n', 'kube-system']);
    // Re-created (a new uid) before the delete event was handled: the store, watching it by name, sees it.
    await applyConfig(connected('az-a'));
    const before = await dump(ovsdb.address, SB);
    const refused = await until('the store to see the re-created ovn-ic-config', async () => {
      const answer = await post(
        functions.url,
        buildChangeEvent('delete', old, { source: 'test://apiserver', id: `d-${Date.now()}` }),
      );
      return answer.status === 400 ? answer : undefined;
    });
    expect(refused.body.error).toBe(
      'refused: availability zone az-a belongs to a cluster still connected to the interconnect: kube-system/ovn-ic-config has enable-ic "true" and az-name "az-a"; leave the interconnect first (delete the ConfigMap or set enable-ic to "false")',
    );
    expect(await dump(ovsdb.address, SB)).toEqual(before);
  });
});

describe('interconnect-cidrs driven by the OVSDB monitor', () => {
  it("keeps acpnet-interconnect-cidrs to the other zones' Routes as they are inserted and deleted", async () => {
    await applyConfig(connected('az-a'));
    const functions = await functionsAs(cidrsKubeconfig, interconnectCidrs);
    const bridge = await startOvsdbBridge({
      remote: ovsdb.address,
      subscriptions: interconnectCidrs.consumesRows!,
      publisher: httpPublisher(functions.url, 'binary', logger),
      source: 'test://ovsdb-bridge',
      logger,
    });
    try {
      const cidrs = (expected: Record<string, string>) =>
        until(`acpnet-interconnect-cidrs to hold ${JSON.stringify(expected)}`, async () => {
          const data = (await readConfigMap(kube.kubeconfig, 'acpnet-interconnect-cidrs'))?.data ?? {};
          return JSON.stringify(data) === JSON.stringify(expected) ? data : undefined;
        });
      await cidrs({ 'az-b': '10.2.0.0/24,10.2.1.0/24,10.2.2.0/24' });

      const zoneB = (
        await icSbctl(ovsdb.address, '--bare', '--columns=_uuid', 'find', 'Availability_Zone', 'name=az-b')
      ).trim();
      await icSbctl(
        ovsdb.address,
        'create',
        'Route',
        'transit_switch=ts',
        `availability_zone=${zoneB}`,
        'route_table=""',
        'ip_prefix=10.2.9.0/24',
        'nexthop=169.254.100.2',
        'origin=connected',
      );
      await cidrs({ 'az-b': '10.2.0.0/24,10.2.1.0/24,10.2.2.0/24,10.2.9.0/24' });

      const first = (
        await icSbctl(ovsdb.address, '--bare', '--columns=_uuid', 'find', 'Route', 'ip_prefix="10.2.0.0/24"')
      ).trim();
      await icSbctl(ovsdb.address, 'destroy', 'Route', first);
      await cidrs({ 'az-b': '10.2.1.0/24,10.2.2.0/24,10.2.9.0/24' });

      await fillZone(ovsdb.address, 'az-c', { index: 3, routes: 1 });
      await cidrs({ 'az-b': '10.2.1.0/24,10.2.2.0/24,10.2.9.0/24', 'az-c': '10.3.0.0/24' });

      const clean = await runInProcess(['interconnect', 'clean', '--ic-sb', ovsdb.address, '--az', 'az-b']);
      expect(clean.code).toBe(0);
      await cidrs({ 'az-c': '10.3.0.0/24' });
      const zones = readZonesState(
        (await readConfigMap(kube.kubeconfig, 'acpnet-interconnect-zones'))?.data as Record<string, string>,
      );
      expect(zoneNames(zones)).toEqual(['az-a', 'az-c']);
    } finally {
      await bridge.stop();
    }
  });
});

describe('the OVSDB bridge to Kafka, and replay of what it published', () => {
  it('publishes what changed while it was down; its topic replays to the same state twice and to nothing onto it', async () => {
    const topic = `acpnet-ovsdb-${Date.now()}`;
    const start = () =>
      startOvsdbBridge({
        remote: ovsdb.address,
        subscriptions: interconnectCidrs.consumesRows!,
        publisher: kafkaPublisher(
          new KafkajsTransport({ brokers: broker.brokers, logger, clientId: 'test-ovsdb-bridge' }),
          topic,
          'binary',
          logger,
        ),
        source: 'test://ovsdb-bridge',
        logger,
      });
    const first = await start();
    await first.synced;
    expect(first.published()).toBe(7); // 2 zones, 5 Routes
    await first.stop();

    // While it is down: one Route goes, one comes.
    const gone = (
      await icSbctl(ovsdb.address, '--bare', '--columns=_uuid', 'find', 'Route', 'ip_prefix="10.1.0.0/24"')
    ).trim();
    await icSbctl(ovsdb.address, 'destroy', 'Route', gone);
    const zoneA = (
      await icSbctl(ovsdb.address, '--bare', '--columns=_uuid', 'find', 'Availability_Zone', 'name=az-a')
    ).trim();
    await icSbctl(
      ovsdb.address,
      'create',
      'Route',
      'transit_switch=ts',
      `availability_zone=${zoneA}`,
      'route_table=""',
      'ip_prefix=10.1.7.0/24',
      'nexthop=169.254.100.1',
      'origin=connected',
    );

    const second = await start();
    await second.synced;
    expect(second.published()).toBe(2);
    await second.stop();

    const transport = new KafkajsTransport({ brokers: broker.brokers, logger, clientId: 'test-reader' });
    const changes = (await transport.readTopic(topic)).map((record) =>
      decodeRowEvent(decodeKafkaRecord(record)),
    );
    await transport.close();
    // Partitions are read one after the other: the two changes are among the nine, in any order.
    expect(changes).toHaveLength(9);
    const label = (c: (typeof changes)[number]) =>
      `${c.change} ${c.table} ${c.uuid === gone ? 'gone' : (c.new?.ip_prefix ?? '')}`;
    expect(changes.map(label)).toEqual(
      expect.arrayContaining(['delete Route gone', 'insert Route 10.1.7.0/24']),
    );
    expect(changes.filter((c) => c.change !== 'insert')).toHaveLength(1);

    const replay = (...args: string[]) =>
      runInProcess([
        'replay',
        '--from',
        `kafka://${topic}`,
        '--kafka-brokers',
        broker.brokers.join(','),
        '--functions',
        'interconnect-cidrs',
        '--log-level',
        'silent',
        ...args,
      ]);
    const [a, b, c] = ['a', 'b', 'c'].map((name) => path.join(dir, `${topic}-${name}`));
    const stateA = path.join(dir, `${topic}-state`);
    await mkdir(stateA, { recursive: true });
    await writeFile(
      path.join(stateA, 'config.yaml'),
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'ovn-ic-config', namespace: 'kube-system' },
        data: connected('az-a'),
      }),
    );
    expect((await replay('--state', stateA, '--write-state', a!)).code).toBe(0);
    expect((await replay('--state', stateA, '--write-state', b!)).code).toBe(0);
    expect(await tree(b!)).toEqual(await tree(a!));
    const cidrs = await readFile(
      path.join(a!, 'kube-system/ConfigMap-acpnet-interconnect-cidrs.yaml'),
      'utf8',
    );
    expect(cidrs).toContain('az-b: 10.2.0.0/24,10.2.1.0/24,10.2.2.0/24');
    const onto = await replay('--state', a!, '--write-state', c!, '--output', 'json');
    expect(JSON.parse(onto.stdout)).toMatchObject({ effects: [], errors: [] });
    expect(await tree(c!)).toEqual(await tree(a!));
  });
});

describe('acpnet replay of a recorded ovn-ic-config delete', () => {
  it('dry run reports op "ovsdb" and changes nothing; the replay cleans; replayed again it has nothing to do', async () => {
    const config: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'ovn-ic-config', namespace: 'kube-system', uid: 'cfg-1', resourceVersion: '7' },
      data: connected('az-b'),
    };
    const log = path.join(dir, 'delete.jsonl');
    await writeFile(
      log,
      `${JSON.stringify(buildChangeEvent('delete', config, { source: 'test://apiserver', time: '2026-01-01T00:00:00Z' }).toJSON())}\n`,
    );
    const replay = (...args: string[]) =>
      runInProcess([
        'replay',
        '--from',
        log,
        '--functions',
        'interconnect-cleanup',
        '--output',
        'json',
        '--log-level',
        'silent',
        ...args,
      ]);
    const before = await dump(ovsdb.address, SB);

    const dry = await replay('--dry-run');
    expect(dry.code).toBe(0);
    const zoneB = before.Availability_Zone!.find((row) => row.name === 'az-b')!;
    expect(JSON.parse(dry.stdout).effects).toEqual([
      {
        function: 'interconnect-cleanup',
        op: 'ovsdb',
        database: SB,
        remote: `tcp:[127.0.0.1]:${port()}`,
        comment: `acpnet interconnect clean: availability zone az-b (${uuidOf(zoneB)})`,
        // a comment; the Gateways, Routes and Port_Bindings by their zone; the zone
        operations: 5,
      },
    ]);
    expect(await dump(ovsdb.address, SB)).toEqual(before);

    const [a, b] = [path.join(dir, 'cleanup-a'), path.join(dir, 'cleanup-b')];
    const applied = await replay('--write-state', a);
    expect(JSON.parse(applied.stdout).effects).toHaveLength(1);
    expect(await zoneNamesIn(ovsdb.address)).toEqual(['az-a']);
    const again = await replay('--write-state', b);
    expect(JSON.parse(again.stdout)).toMatchObject({ effects: [], errors: [] });
    expect(await tree(b)).toEqual(await tree(a));
  });

  it('refuses a recorded ovn-ic-config that names no database, and names what is missing', async () => {
    const log = path.join(dir, 'no-database.jsonl');
    const config: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'ovn-ic-config', namespace: 'kube-system', uid: 'cfg-2', resourceVersion: '8' },
      data: { 'enable-ic': 'false', 'az-name': 'az-b', 'ic-db-host': '127.0.0.1', 'ic-sb-port': 'sixty-six' },
    };
    await writeFile(
      log,
      `${JSON.stringify(buildChangeEvent('update', config, { source: 'test://apiserver', id: 'u1' }).toJSON())}\n`,
    );
    const result = await runInProcess([
      'replay',
      '--from',
      log,
      '--functions',
      'interconnect-cleanup',
      '--output',
      'json',
      '--log-level',
      'silent',
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).errors).toEqual([
      {
        event: 'u1',
        message: `${log}:1: refused: kube-system/ovn-ic-config names no IC database (ic-db-host, ic-sb-port) and no --ic-sb is set`,
      },
    ]);
    expect(await zoneNamesIn(ovsdb.address)).toEqual(['az-a', 'az-b']);
  });
});

async function tree(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const out: Record<string, string> = {};
  for (const entry of entries.filter((e) => e.isFile()).sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(root, file)] = await readFile(file, 'utf8');
  }
  return out;
}
