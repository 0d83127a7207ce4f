import type { Logger } from 'pino';
import { loadManifests } from '../shared/kube/manifests.js';
import { MemoryStore } from '../shared/kube/memory-store.js';
import type { ResourceStore } from '../shared/kube/store.js';
import { withDefaultNamespace } from './admit-sequence.js';
import { UnusableInputError } from './input-error.js';

/** The embedded in-memory store, loaded from the manifests of `stateDir` when given. */
export async function openMemoryStore(stateDir: string | undefined, logger: Logger): Promise<MemoryStore> {
  const store = new MemoryStore({
    onError: (error, context) => logger.warn({ err: error, context }, 'store handler failed'),
  });
  if (stateDir === undefined) return store;
  const { manifests, errors } = await loadManifests([stateDir]);
  if (errors.length > 0) throw new UnusableInputError(errors.map((e) => `--state: ${e.message}`));
  store.load(manifests.map((m) => withDefaultNamespace(m.object)));
  logger.info({ state: stateDir, objects: manifests.length }, 'state loaded');
  return store;
}

export interface StoreChoice {
  state?: string;
  kubeconfig?: string;
}

/** The store `serve` runs on: the in-memory one, or the cluster's with --kubeconfig. */
export async function openStore(choice: StoreChoice, logger: Logger): Promise<ResourceStore> {
  if (choice.kubeconfig !== undefined) {
    const { openKubeStore } = await import('./kube-store.js');
    return openKubeStore(choice.kubeconfig, logger);
  }
  return openMemoryStore(choice.state, logger);
}
