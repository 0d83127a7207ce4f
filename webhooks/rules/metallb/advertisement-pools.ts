import type { KubeObject } from '../../../shared/kube/object.js';
import { selectorMatches } from '../gateway/label-selector.js';
import { nameOf, specOf, stringList } from '../ipam/read.js';
import type { AdmissionContext } from '../types.js';
import { IP_ADDRESS_POOL } from './kinds.js';
import { selectorList } from './label-selectors.js';

/**
 * The pools an advertisement applies to, as MetalLB resolves them: the named pools plus the pools
 * whose labels match a pool selector; with neither, every pool of the namespace.
 */
export function selectedPools(ctx: AdmissionContext): KubeObject[] {
  const spec = specOf(ctx.object);
  const namespace = ctx.object.metadata.namespace ?? '';
  const names = stringList(spec, 'ipAddressPools');
  const selectors = selectorList(spec, 'ipAddressPoolSelectors');
  const all = ctx.view.list(IP_ADDRESS_POOL, namespace);
  if (names.length === 0 && selectors.length === 0) return [...all];
  return all.filter(
    (pool) =>
      names.includes(nameOf(pool)) ||
      selectors.some((selector) => selectorMatches(selector, pool.metadata.labels ?? {})),
  );
}
