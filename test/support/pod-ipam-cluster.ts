/**
 * A real cluster for pod-ipam at scale, shared by the replicas test and `npm run bench:ipam`: a
 * private kube-apiserver with the Kube-OVN, NetworkAttachmentDefinition and IPClaim CRDs, a Kafka
 * broker, a namespace whose Subnet is a /20, and (on `start`) `acpnet bridge` plus `acpnet serve
 * functions --functions pod-ipam` replicas sharing one consumer group, as the without-Knative
 * installation runs them. Pods are created and read through the API server directly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { KafkajsTransport } from '../../functions/runtime/kafka/kafkajs-transport.js';
import { createLogger } from '../../functions/runtime/logger.js';
import { kubeConfigTransport } from '../../shared/kube/kube-store/transport.js';
import { type AcpnetProcess, repoRoot, startAcpnet } from '../e2e/support/acpnet-process.js';
import { type Broker, ensureBroker } from '../integration/functions/kafka-broker.js';
import { goModuleDir } from './go-modules.js';
import { type KubeApiServer, kubectlOk, startKubeApiServer, waitForCrdsEstablished } from './kube-harness.js';

export const SUBNET_CIDR = '10.64.0.0/20';
export const EXCLUDED = '10.64.0.2..10.64.0.9';

/** The CRD files of a module listed in infra/kube/crd-sources.txt. */
function crdFile(module: string): string {
  const line = readFileSync(path.join(repoRoot, 'infra/kube/crd-sources.txt'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${module} `));
  const [, version = '', inside = ''] = line?.trim().split(/\s+/) ?? [];
  return path.join(goModuleDir(module, version), inside);
}

export interface PodIpamCluster {
  kubeconfig: string;
  namespace: string;
  subnet: string;
  replicas: AcpnetProcess[];
  /** The HTTP event receivers of the replicas. */
  urls: string[];
  request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  /** Starts the bridge and `count` replicas on a fresh topic of `partitions` partitions. */
  start(count: number, partitions: number): Promise<void>;
  stop(): Promise<void>;
}

export async function podIpamCluster(name: string): Promise<PodIpamCluster> {
  const [server, broker]: [KubeApiServer, Broker] = await Promise.all([startKubeApiServer(), ensureBroker()]);
  const kubeconfig = server.kubeconfig;
  const processes: AcpnetProcess[] = [];
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  const api = kubeConfigTransport(kc, 120_000);
  const request = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', at: string, body?: unknown) => {
    const response = await api({ method, path: at, body });
    if (response.statusCode >= 300) {
      throw new Error(
        `${method} ${at}: HTTP ${response.statusCode} ${JSON.stringify(response.body).slice(0, 500)}`,
      );
    }
    return response.body;
  };
  const cluster: PodIpamCluster = {
    kubeconfig,
    namespace: name,
    subnet: name,
    replicas: [],
    urls: [],
    request,
    async start(count, partitions) {
      const topic = `${name}-${Date.now()}`;
      const transport = new KafkajsTransport({
        brokers: broker.brokers,
        logger: createLogger('silent'),
        clientId: name,
      });
      await transport.ensureTopics([{ name: topic, partitions }]);
      await transport.close();
      const brokers = broker.brokers.join(',');
      processes.push(
        await startAcpnet({
          args: ['bridge', '--kubeconfig', kubeconfig, '--kafka-brokers', brokers, '--topic', topic],
          ready: (entry) => entry.msg === 'relisted; publishing what changed',
        }),
      );
      const serve = ['serve', 'functions', '--functions', 'pod-ipam', '--kubeconfig', kubeconfig];
      const started = await Promise.all(
        Array.from({ length: count }, () =>
          startAcpnet({
            args: [...serve, '--kafka-brokers', brokers, '--kafka-topic', topic, '--functions-port', '0'],
            ready: (entry) => entry.msg === 'consuming',
          }),
        ),
      );
      processes.push(...started);
      cluster.replicas = started;
      cluster.urls = started.map((p) => {
        const line = p
          .output()
          .split('\n')
          .find((l) => l.includes('"functions listening"'));
        return (JSON.parse(line ?? '{}') as { url?: string }).url ?? '';
      });
    },
    async stop() {
      await Promise.all(processes.map((p) => p.stop()));
      await Promise.all([server.stop(), broker.stop()]);
    },
  };
  try {
    const crds = [
      crdFile('github.com/kubeovn/kube-ovn'),
      crdFile('github.com/k8snetworkplumbingwg/network-attachment-definition-client'),
      path.join(repoRoot, 'infra/deploy/base/crds/ipclaims.acpnet.io.yaml'),
    ];
    await kubectlOk(kubeconfig, [
      'apply',
      '--server-side',
      '--field-manager=acpnet-test',
      ...crds.flatMap((f) => ['-f', f]),
    ]);
    await waitForCrdsEstablished(kubeconfig, [
      'subnets.kubeovn.io',
      'ippools.kubeovn.io',
      'ips.kubeovn.io',
      'network-attachment-definitions.k8s.cni.cncf.io',
      'ipclaims.acpnet.io',
    ]);
    const objects = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
      // No controller manager makes the default ServiceAccount Pods need.
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } },
      {
        apiVersion: 'kubeovn.io/v1',
        kind: 'Subnet',
        metadata: { name },
        spec: { cidrBlock: SUBNET_CIDR, gateway: '10.64.0.1', excludeIps: [EXCLUDED], namespaces: [name] },
      },
    ];
    await kubectlOk(kubeconfig, ['apply', '--server-side', '--field-manager=acpnet-test', '-f', '-'], {
      stdin: objects.map((o) => JSON.stringify(o)).join('\n'),
    });
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

export function podManifest(name: string): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
  };
}

/** Creates Pods `prefix-0` .. `prefix-(count-1)` with `workers` requests in flight; calls `created` for each. */
export async function createPods(
  cluster: PodIpamCluster,
  namespace: string,
  prefix: string,
  count: number,
  workers: number,
  created: (pod: Record<string, unknown>, index: number) => Promise<void> | void = () => {},
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < count) {
        const index = next++;
        const pod = await cluster.request(
          'POST',
          `/api/v1/namespaces/${namespace}/pods`,
          podManifest(`${prefix}-${index}`),
        );
        await created(pod as Record<string, unknown>, index);
      }
    }),
  );
}

export interface PodRecord {
  metadata: { name: string; uid: string; annotations?: Record<string, string> };
}

export async function listPods(cluster: PodIpamCluster, namespace: string): Promise<PodRecord[]> {
  return ((await cluster.request('GET', `/api/v1/namespaces/${namespace}/pods`)) as { items: PodRecord[] })
    .items;
}

/** Polls until `count` Pods of the namespace are allocated; returns when (ms since epoch) it saw them. */
export async function allocated(
  cluster: PodIpamCluster,
  namespace: string,
  count: number,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pods = await listPods(cluster, namespace);
    const done = pods.filter(
      (p) => p.metadata.annotations?.['ovn.kubernetes.io/allocated'] === 'true',
    ).length;
    if (done >= count) return Date.now();
    if (Date.now() > deadline)
      throw new Error(`only ${done} of ${count} Pods were allocated in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
