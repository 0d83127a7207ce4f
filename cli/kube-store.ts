import type { Logger } from 'pino';
import type { ResourceStore } from '../shared/kube/store.js';
import { UsageError } from './usage.js';

/** Module of the cluster-backed store (informers and server-side apply on @kubernetes/client-node). */
const kubeStoreEntry = '../shared/kube/kube-store.js';

interface KubeStoreModule {
  KubeStore?: { fromKubeconfig?: (file: string, options: { logger: Logger }) => ResourceStore };
}

/**
 * Opens the cluster's store from a kubeconfig file. Imported by a computed specifier: the
 * in-memory default must keep working in builds without the cluster store.
 */
export async function openKubeStore(kubeconfig: string, logger: Logger): Promise<ResourceStore> {
  let loaded: KubeStoreModule;
  try {
    loaded = (await import(kubeStoreEntry)) as KubeStoreModule;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'ERR_MODULE_NOT_FOUND' || !String(error).includes('kube-store')) throw error;
    throw new UsageError(
      '--kubeconfig: this build has no cluster store (shared/kube/kube-store.ts)',
      'serve',
    );
  }
  const open = loaded.KubeStore?.fromKubeconfig;
  if (typeof open !== 'function') {
    throw new UsageError('--kubeconfig: the cluster store cannot be opened from a kubeconfig file', 'serve');
  }
  return open(kubeconfig, { logger });
}
