import type { OwnedListener } from '../../../../shared/gateway/listeners.js';
import { selectorMatches } from '../../../../shared/kube/label-selector.js';
import { routeMatchesListenerHostname } from './hostnames.js';
import { admittedRouteKinds } from './route-kinds.js';

export type AttachmentReason =
  | 'Accepted'
  | 'NoMatchingParent'
  | 'NotAllowedByListeners'
  | 'NoMatchingListenerHostname';

export interface RouteUnderAttachment {
  /** Route kind without group, e.g. HTTPRoute. */
  kind: string;
  namespace: string;
  hostnames: readonly string[];
}

export interface ParentSelection {
  sectionName?: string;
  port?: number;
}

export type ListenerRejection = 'KindNotAllowed' | 'NamespaceNotAllowed' | 'NoMatchingListenerHostname';

export interface AttachmentPlan {
  reason: AttachmentReason;
  /** Listeners the route attaches to. */
  accepted: OwnedListener[];
  /** Listeners selected by sectionName/port that refused the route, and why. */
  refused: { listener: OwnedListener; why: ListenerRejection }[];
}

function namespaceAllowed(
  l: OwnedListener,
  routeNamespace: string,
  labels: Readonly<Record<string, string>>,
): boolean {
  const namespaces = l.listener.allowedRoutes?.namespaces;
  const from = namespaces?.from ?? 'Same';
  if (from === 'All') return true;
  if (from === 'Selector')
    return namespaces?.selector !== undefined && selectorMatches(namespaces.selector, labels);
  return routeNamespace === l.owner.namespace;
}

/**
 * How one parentRef of a route attaches to its parent's listeners (Gateway API route attachment):
 * listeners picked by sectionName and port (none: NoMatchingParent), then by route kind and
 * namespace (none: NotAllowedByListeners), then by hostname intersection (none:
 * NoMatchingListenerHostname). Pure: the caller passes the parent's listeners and the labels of
 * the route's namespace.
 */
export function planRouteAttachment(
  route: RouteUnderAttachment,
  parent: ParentSelection,
  listeners: readonly OwnedListener[],
  routeNamespaceLabels: Readonly<Record<string, string>>,
): AttachmentPlan {
  const selected = listeners.filter(
    (l) =>
      (parent.sectionName === undefined || l.listener.name === parent.sectionName) &&
      (parent.port === undefined || l.listener.port === parent.port),
  );
  if (selected.length === 0) return { reason: 'NoMatchingParent', accepted: [], refused: [] };
  const refused: AttachmentPlan['refused'] = [];
  const allowed: OwnedListener[] = [];
  for (const l of selected) {
    if (!admittedRouteKinds(l.listener).includes(route.kind))
      refused.push({ listener: l, why: 'KindNotAllowed' });
    else if (!namespaceAllowed(l, route.namespace, routeNamespaceLabels))
      refused.push({ listener: l, why: 'NamespaceNotAllowed' });
    else allowed.push(l);
  }
  if (allowed.length === 0) return { reason: 'NotAllowedByListeners', accepted: [], refused };
  const accepted: OwnedListener[] = [];
  for (const l of allowed) {
    if (routeMatchesListenerHostname(l.listener.hostname, route.hostnames)) accepted.push(l);
    else refused.push({ listener: l, why: 'NoMatchingListenerHostname' });
  }
  return { reason: accepted.length === 0 ? 'NoMatchingListenerHostname' : 'Accepted', accepted, refused };
}
