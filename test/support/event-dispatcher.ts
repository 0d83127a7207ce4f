/**
 * Delivers a cluster's Pod changes to functions over HTTP the way Knative's broker does: each event
 * to one receiver, at most `inFlight` events in flight per receiver, in no particular order, a 503
 * retried after a pause. It reads the changes from a KubeStore's watch of the API server.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { buildChangeEvent, type ChangeType } from '../../shared/events/apiserver.js';
import { KubeStore } from '../../shared/kube/kube-store.js';
import type { KubeObject } from '../../shared/kube/object.js';

const changeOf = { ADDED: 'add', MODIFIED: 'update', DELETED: 'delete' } as const satisfies Record<
  string,
  ChangeType
>;

export interface Dispatcher {
  stop(): Promise<void>;
}

export async function dispatchPods(
  kubeconfig: string,
  urls: readonly string[],
  inFlight = 10,
): Promise<Dispatcher> {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfig);
  const store = new KubeStore({ kubeConfig, onError: () => {} });
  const queues = urls.map(() => [] as unknown[]);
  const wakers = urls.map(() => [] as (() => void)[]);
  let stopped = false;
  let next = 0;

  async function post(url: string, event: unknown): Promise<void> {
    for (let attempt = 0; !stopped; attempt++) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents+json' },
        body: JSON.stringify(event),
      }).catch(() => undefined);
      await response?.arrayBuffer();
      if (response && response.status < 500) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 50 * 2 ** attempt)));
    }
  }

  const workers = urls.flatMap((url, i) =>
    Array.from({ length: inFlight }, async () => {
      while (!stopped) {
        const event = queues[i]?.shift();
        if (event === undefined) {
          await new Promise<void>((resolve) => wakers[i]?.push(resolve));
          continue;
        }
        await post(url, event);
      }
    }),
  );

  store.watch('/Pod', ({ type, object }) => {
    const event = buildChangeEvent(changeOf[type], object as KubeObject, { source: 'test://dispatcher' });
    const target = next++ % urls.length;
    queues[target]?.push(event);
    wakers[target]?.shift()?.();
  });
  await store.start(['/Pod']);
  return {
    async stop() {
      stopped = true;
      for (const list of wakers) for (const wake of list.splice(0)) wake();
      await Promise.all(workers);
      await store.stop();
    },
  };
}
