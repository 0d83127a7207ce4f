import { isDeepStrictEqual } from 'node:util';
import { keyOf } from '../../shared/kube/object.js';
import type { Route } from '../../shared/kube/schemas/openshift-route.js';
import { routeHost } from '../../shared/openshift-route/host-claims.js';
import type { RouteReport } from '../../shared/route-migration/report.js';
import type { Effect } from '../runtime/contract.js';

/** How the function signs its entry of status.ingress, as each OpenShift router does with its name. */
export const ROUTER_NAME = 'acpnet-route-migration';

interface IngressEntry {
  routerName?: unknown;
  [field: string]: unknown;
}

function condition(report: RouteReport) {
  if (report.outcome !== 'converted') {
    const reason = report.reason?.startsWith('HostAlreadyClaimed') ? 'HostAlreadyClaimed' : 'NotMigrated';
    return { type: 'Admitted', status: 'False', reason, message: report.reason ?? '' };
  }
  const count = (status: string) => report.items.filter((i) => i.status === status).length;
  const dropped = report.items.filter((i) => i.status === 'dropped').map((i) => `${i.subject} (${i.note})`);
  const message = [
    `migrated to ${report.objects.join(', ')}`,
    `${count('approximated')} approximated, ${dropped.length} dropped${dropped.length > 0 ? `: ${dropped.join('; ')}` : ''}`,
  ].join('; ');
  return { type: 'Admitted', status: 'True', reason: 'Migrated', message };
}

/**
 * The Route's status.ingress with the function's entry set from its report (or removed, without a
 * report); the other routers' entries are kept. Nothing when the status already says so.
 */
export function statusEffect(route: Route, report: RouteReport | undefined): Effect[] {
  const current = ((route.status as { ingress?: IngressEntry[] } | undefined)?.ingress ??
    []) as IngressEntry[];
  const others = current.filter((entry) => entry.routerName !== ROUTER_NAME);
  const ours = report
    ? [
        {
          host: routeHost(route) ?? '',
          routerName: ROUTER_NAME,
          wildcardPolicy: route.spec.wildcardPolicy || 'None',
          conditions: [condition(report)],
        },
      ]
    : [];
  const ingress = [...others, ...ours];
  if (isDeepStrictEqual(ingress, current)) return [];
  return [{ op: 'patchStatus', apiVersion: route.apiVersion, key: keyOf(route), status: { ingress } }];
}
