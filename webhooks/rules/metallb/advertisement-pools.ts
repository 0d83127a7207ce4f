import { selectorMatches } from '../../../shared/kube/label-selector.js';
import { selectorList } from '../../../shared/kube/label-selector-problems.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { IP_ADDRESS_POOL } from '../../../shared/kube/schemas/metallb.js';
import { nameOf, specOf, stringList } from '../../../shared/kube/spec-fields.js';

/**
 * The pools an advertisement applies to, as MetalLB resolves them: the named pools plus the pools
 * whose labels match a pool selector; with neither, every pool of the namespace.
 */
export function selectedPools(view: ModelView, advertisement: KubeObject): KubeObject[] {
  const spec = specOf(advertisement);
  const namespace = advertisement.metadata.namespace ?? '';
  const names = stringList(spec, 'ipAddressPools');
  const selectors = selectorList(spec, 'ipAddressPoolSelectors');
  const all = view.list(IP_ADDRESS_POOL, namespace);
  if (names.length === 0 && selectors.length === 0) return [...all];
  return all.filter(
    (pool) =>
      names.includes(nameOf(pool)) ||
      selectors.some((selector) => selectorMatches(selector, pool.metadata.labels ?? {})),
  );
}
