/**
 * Functions end to end: `acpnet bridge` watches a real kube-apiserver and publishes change events to
 * a real Kafka broker; `acpnet serve functions` consumes them and ingress-sync writes ALB Frontends
 * and Rules back to the API server for an Ingress whose namespace's project an ALB2 serves.
 * Deleting the Ingress removes its Rules.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type Broker, ensureBroker } from '../integration/functions/kafka-broker.js';
import {
  installUpstreamCrds,
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectl,
  kubectlOk,
  useKubeApiServer,
  waitForCrdsEstablished,
} from '../support/kube-harness.js';
import { type AcpnetProcess, repoRoot, startAcpnet } from './support/acpnet-process.js';
import { applyOk, type Manifest, pollUntil, valueAt } from './support/cluster.js';
import { loadCases } from './support/fixtures.js';

jest.setTimeout(240_000);

const id = randomBytes(4).toString('hex');
const values = {
  id,
  app: `acpnet-fn-${id}`,
  albNamespace: `acpnet-fn-${id}-alb`,
  alb: `alb-${id}`,
  project: `fn-${id}`,
};
const [cluster] = loadCases<{ state: Manifest[]; ingress: Manifest }>('functions.yaml', values);
if (!cluster) throw new Error('test/fixtures/e2e/functions.yaml: no scenario');

let server: KubeApiServer;
let broker: Broker;
const processes: AcpnetProcess[] = [];

function listOf(resource: string, selector: string): Promise<Manifest[]> {
  return kubectlOk(server.kubeconfig, [
    'get',
    resource,
    '-n',
    values.albNamespace,
    '-l',
    selector,
    '-o',
    'json',
  ]).then((out) => (JSON.parse(out) as { items: Manifest[] }).items);
}

const ingressRules = () =>
  listOf(
    'rules.crd.alauda.io',
    `alb2.cpaas.io/source-type=ingress,alb2.cpaas.io/source-ns=${values.app},alb2.cpaas.io/source-name=shop`,
  );

beforeAll(async () => {
  [server, broker] = await Promise.all([useKubeApiServer(), ensureBroker()]);
  // The bridge watches every kind a function consumes (bgp-hosts: MetalLB's), so their CRDs are served.
  await installUpstreamCrds(server.kubeconfig);
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
  await applyOk(server.kubeconfig, cluster.state);
  const brokers = broker.brokers.join(',');
  processes.push(
    await startAcpnet({
      args: [
        'bridge',
        '--kubeconfig',
        server.kubeconfig,
        '--kafka-brokers',
        brokers,
        '--topic',
        'acpnet-events',
      ],
      ready: (entry) => entry.msg === 'relisted; publishing what changed',
    }),
  );
  processes.push(
    await startAcpnet({
      args: [
        'serve',
        'functions',
        '--kubeconfig',
        server.kubeconfig,
        '--kafka-brokers',
        brokers,
        '--functions-port',
        '0',
      ],
      ready: (entry) => entry.msg === 'consuming',
    }),
  );
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  const codes = await Promise.all(processes.map((p) => p.stop()));
  if (server) {
    await kubectl(server.kubeconfig, [
      'delete',
      'namespace',
      values.app,
      values.albNamespace,
      '--wait=false',
      '--ignore-not-found',
    ]);
  }
  await server?.stop();
  await broker?.stop();
  expect(codes.every((code) => code === 0)).toBe(true);
});

describe('bridge → Kafka → ingress-sync on a real API server', () => {
  it('creates the ALB Frontend and a Rule for the Ingress', async () => {
    await applyOk(server.kubeconfig, [cluster.ingress]);
    const rules = await pollUntil(
      'ingress-sync to write the Rule',
      ingressRules,
      (items) => items.length === 1,
      { timeoutMs: 120_000 },
    );
    const [rule] = rules;
    expect(valueAt(rule, 'metadata.labels["alb2.cpaas.io/frontend"]')).toBe(`${values.alb}-00080`);
    expect(valueAt(rule, 'metadata.labels["alb2.cpaas.io/source-index"]')).toBe('0-0');
    expect(valueAt(rule, 'metadata.labels["cpaas.io/project"]')).toBe(values.project);
    expect(JSON.stringify(valueAt(rule, 'spec.dslx'))).toContain('shop.example.com');
    expect(valueAt(rule, 'spec.serviceGroup.services[0].name')).toBe('web');
    const frontends = await listOf('frontends.crd.alauda.io', `alb2.cpaas.io/name=${values.alb}`);
    expect(frontends.map((f) => valueAt(f, 'metadata.name'))).toEqual([`${values.alb}-00080`]);
    expect(valueAt(frontends[0], 'spec.port')).toBe(80);
  });

  it('writes the ALB address into the Ingress status', async () => {
    const ingress = await pollUntil(
      'the Ingress status',
      async () =>
        JSON.parse(
          await kubectlOk(server.kubeconfig, ['get', 'ingress', 'shop', '-n', values.app, '-o', 'json']),
        ) as Manifest,
      (object) => valueAt(object, 'status.loadBalancer.ingress[0].ip') !== undefined,
    );
    expect(valueAt(ingress, 'status.loadBalancer.ingress')).toEqual([{ ip: '192.0.2.10' }]);
  });

  it('removes the Rule when the Ingress is deleted', async () => {
    await kubectlOk(server.kubeconfig, ['delete', 'ingress', 'shop', '-n', values.app]);
    const rules = await pollUntil(
      'ingress-sync to delete the Rule',
      ingressRules,
      (items) => items.length === 0,
      {
        timeoutMs: 120_000,
      },
    );
    expect(rules).toEqual([]);
  });
});
