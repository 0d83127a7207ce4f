import { describeListener, listenersOf } from '../../../shared/gateway/listeners.js';
import { labelsOfNamespace } from '../../../shared/kube/namespace-labels.js';
import { NAMESPACE } from '../../../shared/kube/schemas/core.js';
import {
  GATEWAY_GROUP,
  type GatewayRoute,
  ROUTE_KINDS,
} from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { deny, warn } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import { type AttachmentPlan, planRouteAttachment } from './lib/route-attachment-planner.js';
import { parentRefsOf, type RouteParentRef, routeHostnames, routeParent } from './lib/routes.js';

const RULE = 'gateway/route-attachment';

const WHY: Record<string, string> = {
  KindNotAllowed: 'does not accept this route kind',
  NamespaceNotAllowed: 'does not allow routes from this namespace',
  NoMatchingListenerHostname: 'has no hostname in common with the route',
};

function refusalSummary(plan: AttachmentPlan): string {
  return plan.refused.map((r) => `${describeListener(r.listener)} ${WHY[r.why]}`).join('; ');
}

function denialText(route: GatewayRoute, ref: RouteParentRef, plan: AttachmentPlan): string {
  const target = `${ref.kind} ${ref.namespace}/${ref.name}`;
  switch (plan.reason) {
    case 'NoMatchingParent': {
      const what = [
        ref.sectionName === undefined ? '' : `named "${ref.sectionName}"`,
        ref.port === undefined ? '' : `on port ${ref.port}`,
      ]
        .filter(Boolean)
        .join(' ');
      return `${target} has no listener ${what || 'at all'}`;
    }
    case 'NotAllowedByListeners':
      return `no listener of ${target} admits ${route.kind}s from namespace ${route.metadata.namespace}`;
    default:
      return `no listener hostname of ${target} intersects the route's hostnames`;
  }
}

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
      const plan = planRouteAttachment(route, ref, listenersOf(parent), labels);
      if (plan.reason !== 'Accepted') {
        const first = plan.refused[0];
        findings.push(
          deny(
            RULE,
            ref.sectionName !== undefined ? `${field}.sectionName` : field,
            denialText(object, ref, plan),
            plan.reason,
            first ? describeListener(first.listener) : `${ref.kind} ${ref.namespace}/${ref.name}`,
          ),
        );
      } else if (plan.refused.length > 0) {
        findings.push(warn(RULE, field, `not attached to: ${refusalSummary(plan)}`));
      }
    }
    return findings;
  },
};
