/**
 * Pods allocated per second on a real API server (two `serve functions --functions pod-ipam`
 * replicas, fed by `acpnet bridge` and Kafka or over HTTP as Knative's broker feeds them, 10 events
 * in flight per replica) beside raw Pod creation in the same run: first
 * `count` Pods are created with nothing consuming them, then (those deleted, the replicas started)
 * `count` more, timed from the first create until every one is allocated.
 */
import {
  allocated,
  createPods,
  type PodIpamCluster,
  podIpamCluster,
} from '../../test/support/pod-ipam-cluster.js';
import { costBetween, readServer, type ServerReading } from './server-cost.js';

const WORKERS = 8;

export interface EndToEndFigures {
  pods: number;
  createPerSecond: number;
  allocatedPerSecond: number;
  /** API server and etcd CPU seconds, and requests, per raw Pod create. */
  rawCost: ServerReading;
  /** The same per allocated Pod, its create included. */
  allocatedCost: ServerReading;
}

/** `kafka`: acpnet bridge and a consumer group (without Knative); `http`: as Knative's broker delivers. */
export type Delivery = 'kafka' | 'http';

async function rawCreation(
  cluster: PodIpamCluster,
  count: number,
): Promise<{ perSecond: number; cost: ServerReading }> {
  const namespace = 'raw';
  await cluster.request('POST', '/api/v1/namespaces', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace },
  });
  await cluster.request('POST', `/api/v1/namespaces/${namespace}/serviceaccounts`, {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'default' },
  });
  const before = await readServer(() => cluster.request('GET', '/metrics'));
  const started = Date.now();
  await createPods(cluster, namespace, 'raw', count, WORKERS);
  const seconds = (Date.now() - started) / 1000;
  const cost = costBetween(before, await readServer(() => cluster.request('GET', '/metrics')), count);
  // Unscheduled Pods go at once: nothing of them is left for the bridge's relist.
  await cluster.request('DELETE', `/api/v1/namespaces/${namespace}/pods`);
  return { perSecond: count / seconds, cost };
}

export async function benchEndToEnd(count: number, delivery: Delivery): Promise<EndToEndFigures> {
  const cluster = await podIpamCluster('bench');
  try {
    const raw = await rawCreation(cluster, count);
    if (delivery === 'kafka') await cluster.start(2, 8);
    else await cluster.startOverHttp(2);
    const before = await readServer(() => cluster.request('GET', '/metrics'));
    const started = Date.now();
    await createPods(cluster, cluster.namespace, 'pod', count, WORKERS);
    const done = await allocated(cluster, cluster.namespace, count, 60 * 60_000);
    const after = await readServer(() => cluster.request('GET', '/metrics'));
    return {
      pods: count,
      createPerSecond: raw.perSecond,
      allocatedPerSecond: count / ((done - started) / 1000),
      rawCost: raw.cost,
      allocatedCost: costBetween(before, after, count),
    };
  } finally {
    await cluster.stop();
  }
}
