import { loadBalancerIpam } from '../../../functions/loadbalancer-ipam/index.js';
import { applyEffects } from '../../../functions/runtime/applier.js';
import type { MemoryStore } from '../../../shared/kube/memory-store.js';
import { ModelView } from '../../../shared/kube/model/model-view.js';
import { SERVICE } from '../../../shared/kube/schemas/core.js';
import { offlineContext } from './harness.js';

/** What loadbalancer-ipam left in a store, as the fixtures and properties compare it. */
export interface Observed {
  /** `namespace/name` of every Service holding, recording or asking for a LoadBalancer address. */
  services: Record<string, { ingress: string[]; pool?: string }>;
  /** Every claim (IPAddress) by address: its holders, or `foreign` for another allocator's. */
  claims: Record<string, string>;
  /** Events reported, in order of their names: `ns/service Type Reason: message`. */
  events: string[];
}

export function observe(store: MemoryStore): Observed {
  const services: Observed['services'] = {};
  for (const service of new ModelView(store).list(SERVICE)) {
    const ingress = (service.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
    const spec = service.spec;
    const pool = service.metadata.annotations?.['metallb.io/ip-allocated-from-pool'];
    if (spec?.type !== 'LoadBalancer' && ingress.length === 0 && pool === undefined) continue;
    services[`${service.metadata.namespace}/${service.metadata.name}`] = {
      ingress,
      ...(pool ? { pool } : {}),
    };
  }
  const claims: Observed['claims'] = {};
  for (const claim of store.list('networking.k8s.io/IPAddress')) {
    const holders = claim.metadata.annotations?.['acpnet.io/load-balancer-holders'];
    claims[claim.metadata.name ?? ''] = holders ?? 'foreign';
  }
  const events = store
    .list('/Event')
    .map((e) => {
      const about = e['involvedObject'] as { namespace?: string; name?: string };
      return `${about.namespace}/${about.name} ${e['type']} ${e['reason']}: ${e['message']}`;
    })
    .sort();
  return { services, claims, events };
}

/** Every Service planned again, as its own update, onto the result: the effects change nothing. */
export async function replanEverything(store: MemoryStore): Promise<unknown[]> {
  const view = new ModelView(store);
  const changed: unknown[] = [];
  for (const service of store.list('/Service')) {
    const event = {
      id: `again-${service.metadata.name}`,
      source: 'test://again',
      type: 'update' as const,
      mode: 'resource' as const,
      ref: {
        apiVersion: 'v1',
        kind: 'Service',
        namespace: service.metadata.namespace ?? '',
        name: service.metadata.name ?? '',
      },
      object: service,
      time: '2026-01-01T00:10:00Z',
    };
    const effects = await loadBalancerIpam.plan(event, view, offlineContext);
    changed.push(...(await applyEffects(store, 'loadbalancer-ipam', 'acpnet-loadbalancer-ipam', effects)));
  }
  return changed;
}
