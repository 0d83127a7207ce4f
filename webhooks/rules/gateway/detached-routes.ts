import { type ListenerOwnerObject, listenersOf } from '../../../shared/gateway/listeners.js';
import { labelsOfNamespace } from '../../../shared/kube/namespace-labels.js';
import { describeObject } from '../../../shared/kube/object.js';
import { GATEWAY, LISTENER_SET, ROUTE_KINDS } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { warn } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import { ROUTES_BY_PARENT } from './indexes.js';
import { planRefusalText, planRouteAttachment } from './lib/route-attachment-planner.js';
import { parentKey, parentKeyOf, parentRefsOf, routeHostnames } from './lib/routes.js';

const RULE = 'gateway/detached-routes';

/**
 * Warns when an update of a Gateway or ListenerSet detaches routes that were attached before
 * (a listener removed, renamed, or narrowed). Routes are found through the routes-by-parent index.
 */
export const detachedRoutes: ValidationRule<ListenerOwnerObject> = {
  id: RULE,
  kinds: [GATEWAY, LISTENER_SET],
  operations: ['UPDATE'],
  reasons: ['NoMatchingParent', 'NotAllowedByListeners', 'NoMatchingListenerHostname'],
  guide: '配置 GatewayAPI Route',
  check({ object, oldObject, view }) {
    if (!oldObject) return [];
    const key = parentKeyOf(object.kind, object.metadata.namespace ?? '', object.metadata.name ?? '');
    const self = `${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
    const before = listenersOf(oldObject);
    const after = listenersOf(object);
    const findings: Finding[] = [];
    for (const kind of ROUTE_KINDS) {
      for (const route of view.byIndex(kind, ROUTES_BY_PARENT, key)) {
        const ns = route.metadata.namespace ?? '';
        const labels = labelsOfNamespace(view, ns);
        const subject = { kind: route.kind, namespace: ns, hostnames: routeHostnames(route) };
        for (const ref of parentRefsOf(route)) {
          if (parentKey(ref) !== key) continue;
          const was = planRouteAttachment(subject, ref, before, labels).reason === 'Accepted';
          const plan = planRouteAttachment(subject, ref, after, labels);
          if (was && plan.reason !== 'Accepted')
            findings.push(
              warn(
                RULE,
                'spec.listeners',
                `this change detaches the route: ${planRefusalText(plan, subject, self, ref)}`,
                plan.reason,
                describeObject(route),
              ),
            );
        }
      }
    }
    return findings;
  },
};
