import { selectorMatches } from '../kube/label-selector.js';
import type { ModelView } from '../kube/model/model-view.js';
import {
  type BGPAdvertisement,
  IP_ADDRESS_POOL,
  type IPAddressPool,
  type L2Advertisement,
} from '../kube/schemas/metallb.js';

/**
 * The pools an advertisement applies to, as MetalLB resolves them: the named pools plus the pools
 * whose labels match a pool selector; with neither, every pool of the namespace.
 */
export function selectedPools(
  view: ModelView,
  advertisement: L2Advertisement | BGPAdvertisement,
): IPAddressPool[] {
  const namespace = advertisement.metadata.namespace ?? '';
  const names = advertisement.spec?.ipAddressPools ?? [];
  const selectors = advertisement.spec?.ipAddressPoolSelectors ?? [];
  const all = view.list(IP_ADDRESS_POOL, namespace);
  if (names.length === 0 && selectors.length === 0) return [...all];
  return all.filter(
    (pool) =>
      names.includes(pool.metadata.name ?? '') ||
      selectors.some((selector) => selectorMatches(selector, pool.metadata.labels ?? {})),
  );
}
