import { IC_CONFIG_NAME, IC_CONFIG_NAMESPACE } from '../../shared/kube/keys/kubeovn.js';
import { CONFIG_MAP } from '../../shared/kube/schemas/core.js';
import type { EventFunction } from '../runtime/contract.js';
import { planCleanup } from './plan.js';

/**
 * A cluster that leaves the interconnect (kube-system/ovn-ic-config deleted, or its enable-ic set
 * to "false") leaves no rows behind: its availability zone goes from the IC southbound database in
 * one transaction (an `ovsdb` effect), and with `--ovn-nb` the interconnect from its northbound one.
 */
export const interconnectCleanup: EventFunction = {
  name: 'interconnect-cleanup',
  consumes: [CONFIG_MAP],
  reads: [],
  scopes: [{ kind: CONFIG_MAP, namespace: IC_CONFIG_NAMESPACE, names: [IC_CONFIG_NAME] }],
  plan: planCleanup,
};
