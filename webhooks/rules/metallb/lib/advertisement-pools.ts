import { selectorMatches } from '../../../../shared/kube/label-selector.js';
import type { ModelView } from '../../../../shared/kube/model/model-view.js';
import { IP_ADDRESS_POOL, type IPAddressPool } from '../../../../shared/kube/schemas/metallb.js';
import type { Advertisement } from './advertisement-common.js';
import { nameOf } from './identity.js';

/**
 * The pools an advertisement applies to, as MetalLB resolves them: the named pools plus the pools
 * whose labels match a pool selector; with neither, every pool of the namespace.
 */
export function selectedPools(view: ModelView, advertisement: Advertisement): IPAddressPool[] {
  const namespace = advertisement.metadata.namespace ?? '';
  const names = advertisement.spec?.ipAddressPools ?? [];
  const selectors = advertisement.spec?.ipAddressPoolSelectors ?? [];
  const all = view.list(IP_ADDRESS_POOL, namespace);
  if (names.length === 0 && selectors.length === 0) return [...all];
  return all.filter(
    (pool) =>
      names.includes(nameOf(pool)) ||
      selectors.some((selector) => selectorMatches(selector, pool.metadata.labels ?? {})),
  );
}
