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

const WORKERS = 8;

export interface EndToEndFigures {
  pods: number;
  createPerSecond: number;
  allocatedPerSecond: number;
}

/** `kafka`: acpnet bridge and a consumer group (without Knative); `http`: as Knative's broker delivers. */
export type Delivery = 'kafka' | 'http';

async function rawCreation(cluster: PodIpamCluster, count: number): Promise<number> {
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
  const started = Date.now();
  await createPods(cluster, namespace, 'raw', count, WORKERS);
  const seconds = (Date.now() - started) / 1000;
  // Unscheduled Pods go at once: nothing of them is left for the bridge's relist.
  await cluster.request('DELETE', `/api/v1/namespaces/${namespace}/pods`);
  return count / seconds;
}

export async function benchEndToEnd(count: number, delivery: Delivery): Promise<EndToEndFigures> {
  const cluster = await podIpamCluster('bench');
  try {
    const createPerSecond = await rawCreation(cluster, count);
    if (delivery === 'kafka') await cluster.start(2, 8);
    else await cluster.startOverHttp(2);
    const started = Date.now();
    await createPods(cluster, cluster.namespace, 'pod', count, WORKERS);
    const done = await allocated(cluster, cluster.namespace, count, 60 * 60_000);
    return { pods: count, createPerSecond, allocatedPerSecond: count / ((done - started) / 1000) };
  } finally {
    await cluster.stop();
  }
}
