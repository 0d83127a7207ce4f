import { compareStrings } from '../../shared/kube/json-value.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import { NAMESPACE, SERVICE, type Service } from '../../shared/kube/schemas/core.js';
import { SERVED, SERVICES_BY_STATE, WAITING } from './indexes.js';
import type { Batch } from './plan.js';
import { readRequest, serviceKey } from './request.js';

function inOrder(services: readonly Service[]): Service[] {
  return [...services].sort(
    (a, b) =>
      compareStrings(a.metadata.namespace ?? '', b.metadata.namespace ?? '') ||
      compareStrings(a.metadata.name ?? '', b.metadata.name ?? ''),
  );
}

/** Being deleted, itself or with its namespace: it gets no new address (and reports nothing). */
function goingAway(service: Service, view: ModelView): boolean {
  if (service.metadata.deletionTimestamp) return true;
  return Boolean(view.get(NAMESPACE, '', service.metadata.namespace ?? '')?.metadata.deletionTimestamp);
}

function planEach(batch: Batch, view: ModelView, services: readonly Service[]): void {
  for (const service of inOrder(services)) {
    const key = serviceKey(service.metadata.namespace ?? '', service.metadata.name ?? '');
    if (batch.has(key) || (goingAway(service, view) && readRequest(service).held.length === 0)) continue;
    batch.plan(service);
  }
}

/**
 * The Services still waiting for an address, planned again when one was given up (MetalLB
 * reprocesses every Service then), in namespace/name order so the result does not depend on the
 * order events arrive in: those holding none, and PreferDualStack ones holding one family, which
 * may now gain the other from their pool (keeping the one they hold). Otherwise a Service holding
 * an address is not among them: what another Service does never moves it.
 */
export function planWaiting(batch: Batch, view: ModelView): void {
  planEach(batch, view, view.byIndex(SERVICE, SERVICES_BY_STATE, WAITING));
}

/** Every Service MetalLB serves: a pool change may give, keep or take their addresses. */
export function planServed(batch: Batch, view: ModelView): void {
  planEach(batch, view, view.byIndex(SERVICE, SERVICES_BY_STATE, SERVED));
}

/** The served Services of one namespace, whose labels namespaceSelectors read. */
export function planNamespace(batch: Batch, view: ModelView, namespace: string): void {
  planEach(
    batch,
    view,
    view.byIndex(SERVICE, SERVICES_BY_STATE, SERVED).filter((s) => s.metadata.namespace === namespace),
  );
}
