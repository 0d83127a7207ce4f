import { selectorMatches } from '../kube/label-selector.js';
import type { IPAddressPool } from '../kube/schemas/metallb.js';

/**
 * MetalLB's isPoolCompatibleWithService: a pool with a serviceAllocation serves a Service only in one
 * of its `namespaces` or of the namespaces its `namespaceSelectors` select (when either is set), and
 * only one whose labels a `serviceSelector` matches (when any is set). A pool without one serves all.
 */
export function poolServes(
  pool: Pick<IPAddressPool, 'spec'>,
  namespace: string,
  namespaceLabels: Readonly<Record<string, string>>,
  serviceLabels: Readonly<Record<string, string>>,
): boolean {
  const allocation = pool.spec.serviceAllocation;
  if (!allocation) return true;
  const names = allocation.namespaces ?? [];
  const selectors = allocation.namespaceSelectors ?? [];
  if (names.length > 0 || selectors.length > 0) {
    const named = names.includes(namespace);
    if (!named && !selectors.some((selector) => selectorMatches(selector, namespaceLabels))) return false;
  }
  const serviceSelectors = allocation.serviceSelectors ?? [];
  return serviceSelectors.length === 0 || serviceSelectors.some((s) => selectorMatches(s, serviceLabels));
}
