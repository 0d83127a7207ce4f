import { describeListener, listenersOf } from '../../../shared/gateway/listeners.js';
import { labelsOfNamespace } from '../../../shared/kube/namespace-labels.js';
import {
  GATEWAY_GROUP,
  type GatewayRoute,
  ROUTE_KINDS,
} from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { deny, warn } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import {
  partialAttachmentText,
  planRefusalText,
  planRouteAttachment,
} from './lib/route-attachment-planner.js';
import { parentRefsOf, routeHostnames, routeParent } from './lib/routes.js';

const RULE = 'gateway/route-attachment';

/**
 * Route attachment to parents in the store: the selected listeners must exist, admit the route's
 * kind and namespace, and share a hostname with it. A parent not (yet) in the store only warns; a
 * parentRef without sectionName warns about the listeners that refuse it when another accepts it.
 */
export const routeAttachment: ValidationRule<GatewayRoute> = {
  id: RULE,
  kinds: ROUTE_KINDS,
  reasons: ['NoMatchingParent', 'NotAllowedByListeners', 'NoMatchingListenerHostname'],
  guide: '配置 GatewayAPI Route',
  check({ object, view }) {
    const findings: Finding[] = [];
    const ns = object.metadata.namespace ?? '';
    const labels = labelsOfNamespace(view, ns);
    const route = { kind: object.kind, namespace: ns, hostnames: routeHostnames(object) };
    for (const ref of parentRefsOf(object)) {
      const field = `spec.parentRefs[${ref.index}]`;
      if (ref.group !== GATEWAY_GROUP || (ref.kind !== 'Gateway' && ref.kind !== 'ListenerSet')) continue;
      const parent = routeParent(view, ref);
      if (!parent) {
        findings.push(
          warn(
            RULE,
            field,
            `${ref.kind} ${ref.namespace}/${ref.name} does not exist (yet)`,
            'NoMatchingParent',
          ),
        );
        continue;
      }
      const target = `${ref.kind} ${ref.namespace}/${ref.name}`;
      const plan = planRouteAttachment(route, ref, listenersOf(parent), labels);
      if (plan.reason !== 'Accepted') {
        const first = plan.refused[0];
        findings.push(
          deny(
            RULE,
            ref.sectionName !== undefined ? `${field}.sectionName` : field,
            planRefusalText(plan, route, target, ref),
            plan.reason,
            first ? describeListener(first.listener) : target,
          ),
        );
      } else if (plan.refused.length > 0) {
        findings.push(warn(RULE, field, partialAttachmentText(plan, target)));
      }
    }
    return findings;
  },
};
