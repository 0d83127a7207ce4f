import { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import { KubeStore } from '../shared/kube/kube-store.js';
import type { ResourceStore } from '../shared/kube/store.js';
import { UnusableInputError } from './input-error.js';

/** The cluster's store from a kubeconfig file; informer trouble is logged, not fatal. */
export function openKubeStore(kubeconfig: string, logger: Logger): ResourceStore {
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromFile(kubeconfig);
  } catch (error) {
    throw new UnusableInputError([
      `--kubeconfig ${kubeconfig}: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  if (!kubeConfig.getCurrentCluster()) {
    throw new UnusableInputError([`--kubeconfig ${kubeconfig}: no current cluster`]);
  }
  return new KubeStore({
    kubeConfig,
    onError: (error, context) => logger.warn({ err: error, context }, 'cluster store problem'),
  });
}
