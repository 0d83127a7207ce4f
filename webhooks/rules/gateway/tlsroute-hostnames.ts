import { listenersOf } from '../../../shared/gateway/listeners.js';
import { labelsOfNamespace } from '../../../shared/kube/namespace-labels.js';
import { TLS_ROUTE } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { TLSRoute } from '../../../shared/kube/schemas/gateway-api/l4-routes.js';
import type { Mutator } from '../types.js';
import { planRouteAttachment } from './lib/route-attachment-planner.js';
import { parentRefsOf, routeParent } from './lib/routes.js';

/**
 * Platform rule: a TLSRoute without hostnames takes the hostnames of the listeners it attaches to,
 * so SNI routing stays explicit. Nothing changes when no such listener has a hostname.
 */
export const tlsRouteHostnames: Mutator<TLSRoute> = {
  id: 'gateway/tlsroute-hostnames',
  kinds: [TLS_ROUTE],
  guide: '配置 GatewayAPI Route',
  mutate({ object, view }) {
    const current = object.spec.hostnames;
    if ((current?.length ?? 0) > 0) return [];
    const ns = object.metadata.namespace ?? '';
    const labels = labelsOfNamespace(view, ns);
    const hostnames = new Set<string>();
    for (const ref of parentRefsOf(object)) {
      const parent = routeParent(view, ref);
      if (!parent) continue;
      const plan = planRouteAttachment(
        { kind: 'TLSRoute', namespace: ns, hostnames: [] },
        ref,
        listenersOf(parent),
        labels,
      );
      for (const l of plan.accepted) if (l.listener.hostname) hostnames.add(l.listener.hostname);
    }
    if (hostnames.size === 0) return [];
    return [
      {
        op: current === undefined ? 'add' : 'replace',
        path: '/spec/hostnames',
        value: [...hostnames].sort(),
      },
    ];
  },
};
