/**
 * keepalived-hosts end to end on a real kube-apiserver: `acpnet bridge` publishes the cluster's
 * changes to a real Kafka broker, `acpnet serve functions --functions keepalived-hosts` consumes
 * them and keeps alive.yaml of the keepalived ConfigMap in step as the ALB's Pods move between
 * nodes and a node turns NotReady; a template that does not parse gets a Warning Event. Then an LB
 * host's `acpnet keepalived sync --once` writes that alive.yaml, and the keepalived.conf made from
 * it passes Debian's `keepalived --config-test`. No kubelet runs: Pods and Nodes get their status
 * (host addresses, readiness) through the status subresource, as the kubelet would write it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parse, stringify } from 'yaml';
import { type Broker, ensureBroker } from '../integration/functions/kafka-broker.js';
import { runInProcess } from '../support/cli-in-process.js';
import {
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectl,
  kubectlOk,
  startKubeApiServer,
  waitForCrdsEstablished,
} from '../support/kube-harness.js';
import { configTest, machineInterface } from '../unit/keepalived/support/keepalived.js';
import { type AcpnetProcess, repoRoot, startAcpnet } from './support/acpnet-process.js';
import { applyOk, type Manifest, pollUntil } from './support/cluster.js';

jest.setTimeout(300_000);

const id = randomBytes(4).toString('hex');
const NS = 'lb-e2e';
const ALB = 'alb-e2e';
const topic = `acpnet-keepalived-e2e-${id}`;
const nodes: Record<string, [string, string]> = {
  n1: ['192.168.143.192', '2004::192:168:143:192'],
  n2: ['192.168.138.100', '2004::192:168:138:100'],
  n3: ['192.168.129.100', '2004::192:168:129:100'],
};
const out = mkdtempSync(path.join(tmpdir(), 'acpnet-keepalived-e2e-'));
let server: KubeApiServer;
let broker: Broker;
const processes: AcpnetProcess[] = [];

const template = (iface: string) =>
  stringify({
    instances: [
      {
        vip: {
          vip: '192.168.128.118',
          id: 20,
          interface: iface,
          name: 'vip-1',
          peer: ['192.168.128.116', '192.168.128.75'],
          alb: ALB,
          ipvs: { ports: [{ port: 80, raw_check: 'TCP_CHECK {\n  connect_timeout 3\n}\n' }] },
        },
      },
      {
        vip: {
          vip: '2004::192:168:128:118',
          id: 102,
          interface: iface,
          name: 'vip-6',
          peer: ['2004::192:168:128:75', '2004::192:168:128:116'],
          alb: ALB,
          ipvs: { ports: [{ port: 80, raw_check: 'TCP_CHECK {\n  connect_timeout 1\n}\n' }] },
        },
      },
    ],
  });

async function setStatus(kind: 'node' | 'pod', name: string, status: Record<string, unknown>): Promise<void> {
  const scope = kind === 'pod' ? ['-n', NS] : [];
  await kubectlOk(server.kubeconfig, [
    'patch',
    kind,
    name,
    ...scope,
    '--subresource=status',
    '--type=merge',
    '-p',
    JSON.stringify({ status }),
  ]);
}

const ready = (value: 'True' | 'False') => [{ type: 'Ready', status: value }];

async function startAlbPod(name: string, node: string): Promise<void> {
  await applyOk(server.kubeconfig, [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: NS, labels: { service_name: `alb2-${ALB}` } },
      spec: { nodeName: node, hostNetwork: true, containers: [{ name: 'alb', image: 'alb:e2e' }] },
    },
  ]);
  const [v4, v6] = nodes[node]!;
  await setStatus('pod', name, {
    phase: 'Running',
    hostIP: v4,
    hostIPs: [{ ip: v4 }, { ip: v6 }],
    conditions: ready('True'),
  });
}

async function configMapData(name: string): Promise<Record<string, string>> {
  const text = await kubectlOk(server.kubeconfig, ['get', 'configmap', name, '-n', NS, '-o', 'json']);
  return ((JSON.parse(text) as Manifest)['data'] ?? {}) as Record<string, string>;
}

/** The ipvs.ips of each instance of the ConfigMap's alive.yaml, by name. */
async function backends(): Promise<Record<string, string[]>> {
  const text = (await configMapData('lb-hosts'))['alive.yaml'];
  if (text === undefined) return {};
  const alive = parse(text) as { instances: { vip: { name: string; ipvs: { ips: string[] } } }[] };
  return Object.fromEntries(alive.instances.map(({ vip }) => [vip.name, vip.ipvs.ips]));
}

const follows = (what: string, expected: Record<string, string[]>) =>
  pollUntil(what, backends, (now) => JSON.stringify(now) === JSON.stringify(expected), {
    timeoutMs: 150_000,
  });

beforeAll(async () => {
  // A private API server: no other suite's webhook judges these ConfigMaps.
  [server, broker] = await Promise.all([startKubeApiServer(), ensureBroker()]);
  await kubectlOk(server.kubeconfig, [
    'apply',
    '--server-side',
    '-f',
    path.join(repoRoot, 'infra/kube/crds-local/crd.alauda.io_alaudaloadbalancer2.yaml'),
  ]);
  await waitForCrdsEstablished(server.kubeconfig, ['alaudaloadbalancer2.crd.alauda.io']);
  await applyOk(server.kubeconfig, [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
    // No controller-manager makes it, and Pods are admitted only with their ServiceAccount.
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: NS } },
    {
      apiVersion: 'crd.alauda.io/v2beta1',
      kind: 'ALB2',
      metadata: { name: ALB, namespace: NS },
      spec: { address: '192.168.128.118', type: 'nginx' },
    },
    ...Object.keys(nodes).map((name) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } })),
  ]);
  for (const name of Object.keys(nodes)) await setStatus('node', name, { conditions: ready('True') });
  await startAlbPod(`${ALB}-1`, 'n1');
  await startAlbPod(`${ALB}-2`, 'n2');

  const brokers = broker.brokers.join(',');
  processes.push(
    await startAcpnet({
      args: ['bridge', '--kubeconfig', server.kubeconfig, '--kafka-brokers', brokers, '--topic', topic],
      ready: (entry) => entry['msg'] === 'relisted; publishing what changed',
    }),
  );
  processes.push(
    await startAcpnet({
      args: [
        'serve',
        'functions',
        '--functions',
        'keepalived-hosts',
        '--kubeconfig',
        server.kubeconfig,
        '--kafka-brokers',
        brokers,
        '--kafka-topic',
        topic,
        '--kafka-group',
        topic,
        '--functions-port',
        '0',
      ],
      ready: (entry) => entry['msg'] === 'consuming',
    }),
  );
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  const codes = await Promise.all(processes.map((p) => p.stop()));
  await server?.stop();
  await broker?.stop();
  rmSync(out, { recursive: true, force: true });
  expect(codes.every((code) => code === 0)).toBe(true);
});

describe('keepalived-hosts on a real API server, fed through Kafka', () => {
  it("renders alive.yaml with the host addresses of the ALB's Ready Pods", async () => {
    await applyOk(server.kubeconfig, [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'lb-hosts', namespace: NS, labels: { 'acpnet.io/keepalived': 'true' } },
        data: { 'template.yaml': template(machineInterface()) },
      },
    ]);
    await follows('the first alive.yaml', {
      'vip-1': ['192.168.138.100', '192.168.143.192'],
      'vip-6': ['2004::192:168:138:100', '2004::192:168:143:192'],
    });
  });

  it('follows a Pod that moves to another node', async () => {
    await kubectlOk(server.kubeconfig, [
      'delete',
      'pod',
      `${ALB}-1`,
      '-n',
      NS,
      '--grace-period=0',
      '--force',
    ]);
    await startAlbPod(`${ALB}-3`, 'n3');
    await follows('the Pod on n3 instead of n1', {
      'vip-1': ['192.168.129.100', '192.168.138.100'],
      'vip-6': ['2004::192:168:129:100', '2004::192:168:138:100'],
    });
  });

  it('drops the backends of a node that turns NotReady', async () => {
    await setStatus('node', 'n2', { conditions: ready('False') });
    await follows('n2 gone', { 'vip-1': ['192.168.129.100'], 'vip-6': ['2004::192:168:129:100'] });
  });

  it('reports a template that does not parse with a Warning Event, writing nothing', async () => {
    await applyOk(server.kubeconfig, [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'broken', namespace: NS, labels: { 'acpnet.io/keepalived': 'true' } },
        data: { 'template.yaml': 'instances:\n  - vip: { vip: 192.168.128.130\n' },
      },
    ]);
    const events = await pollUntil(
      'the Warning Event',
      async () => {
        const result = await kubectl(server.kubeconfig, [
          'get',
          'events',
          '-n',
          NS,
          '--field-selector',
          'involvedObject.name=broken',
          '-o',
          'json',
        ]);
        return (JSON.parse(result.stdout || '{"items":[]}') as { items: Manifest[] }).items;
      },
      (items) => items.length > 0,
      { timeoutMs: 120_000 },
    );
    expect(events[0]).toMatchObject({
      type: 'Warning',
      reason: 'InvalidKeepalivedTemplate',
      source: { component: 'acpnet-keepalived-hosts' },
      message: expect.stringContaining('template.yaml cannot be rendered, alive.yaml is left as it was'),
    });
    expect(await configMapData('broken')).not.toHaveProperty('alive.yaml');
  });

  it("an LB host's keepalived sync --once writes that alive.yaml, and its keepalived.conf passes keepalived's config test", async () => {
    const args = [
      'keepalived',
      'sync',
      '--kubeconfig',
      server.kubeconfig,
      '--configmap',
      `${NS}/lb-hosts`,
      '--dir',
      out,
    ];
    expect((await runInProcess([...args, '--once'])).code).toBe(0);
    expect(readFileSync(path.join(out, 'alive.yaml'), 'utf8')).toBe(
      (await configMapData('lb-hosts'))['alive.yaml'],
    );
    const conf = await runInProcess([
      ...args,
      '--once',
      '-f',
      'keepalived.conf',
      '--host',
      '192.168.128.116,2004::192:168:128:116',
    ]);
    expect(conf.code).toBe(0);
    const text = readFileSync(path.join(out, 'keepalived.conf'), 'utf8');
    expect(text.match(/real_server \S+ 80/g)).toEqual([
      'real_server 192.168.129.100 80',
      'real_server 2004::192:168:129:100 80',
    ]);
    expect(configTest(text)).toEqual({ status: 0, output: '' });
  });
});
