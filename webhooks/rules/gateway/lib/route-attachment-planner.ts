import { type Listener, type OwnedListener, tlsMode } from '../../../../shared/gateway/listeners.js';
import { type LabelSelector, selectorMatches } from '../../../../shared/kube/label-selector.js';
import { routeMatchesListenerHostname } from './hostnames.js';
import { admittedRouteKinds, supportedRouteKinds } from './route-kinds.js';

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

export interface ListenerRefusal {
  listener: OwnedListener;
  why: ListenerRejection;
  /** Why, in words: `listener "tcp" (TCP) takes TCPRoute, not HTTPRoute`. */
  detail: string;
  /** For KindNotAllowed: the same said of several listeners, to tell those refusing alike together. */
  kindVerdict?: KindVerdict;
}

export interface AttachmentPlan {
  reason: AttachmentReason;
  /** Listeners the route attaches to. */
  accepted: OwnedListener[];
  /** Listeners selected by sectionName/port that refused the route, and why. */
  refused: ListenerRefusal[];
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

/** `A`, `A and B`, `A, B and C`. */
function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A label selector as kubectl writes one: `team=shop,env in (a,b),!legacy`. */
function selectorText(selector: LabelSelector): string {
  const labels = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const expressions = (selector.matchExpressions ?? []).map((e) => {
    const values = (e.values ?? []).join(',');
    switch (e.operator) {
      case 'In':
        return `${e.key} in (${values})`;
      case 'NotIn':
        return `${e.key} notin (${values})`;
      case 'DoesNotExist':
        return `!${e.key}`;
      default:
        return e.key;
    }
  });
  return [...labels, ...expressions].join(',');
}

/** Why a listener does not take a route kind: what it takes, said of one listener and of several. */
interface KindVerdict {
  protocol: string;
  one: string;
  many: string;
}

function kindVerdict(listener: Listener, routeKind: string): KindVerdict {
  const protocol = listener.protocol === 'TLS' ? `TLS ${tlsMode(listener)}` : listener.protocol;
  const admitted = admittedRouteKinds(listener);
  const supported = supportedRouteKinds(listener);
  const verdict = (one: string, many: string) => ({ protocol, one, many });
  if (supported.length === 0)
    return verdict(
      'takes no route: the platform does not serve its protocol',
      'take no route: the platform does not serve their protocol',
    );
  if (admitted.length === 0) {
    const why = `name none of the kinds the protocol carries (${inWords(supported)})`;
    return verdict(
      `takes no route: its allowedRoutes.kinds ${why}`,
      `take no route: their allowedRoutes.kinds ${why}`,
    );
  }
  if (admitted.length < supported.length && supported.includes(routeKind)) {
    const rest = `only ${inWords(admitted)} (allowedRoutes.kinds), not ${routeKind}`;
    return verdict(`takes ${rest}`, `take ${rest}`);
  }
  const rest = `${inWords(admitted)}, not ${routeKind}`;
  return verdict(`takes ${rest}`, `take ${rest}`);
}

function kindRefusal(listener: Listener, verdict: KindVerdict): string {
  return `listener "${listener.name}" (${verdict.protocol}) ${verdict.one}`;
}

function namespaceRefusal(l: OwnedListener, routeNamespace: string): string {
  const label = `listener "${l.listener.name}"`;
  const namespaces = l.listener.allowedRoutes?.namespaces;
  if ((namespaces?.from ?? 'Same') === 'Same')
    return `${label} takes routes only from its own namespace ${l.owner.namespace}, not from ${routeNamespace}`;
  const selector = namespaces?.selector;
  if (!selector)
    return `${label} takes routes from no namespace (allowedRoutes.namespaces.from is Selector, but it has no selector)`;
  return `${label} takes routes only from namespaces matching ${selectorText(selector)}, which ${routeNamespace} does not match`;
}

function hostnameRefusal(listener: Listener, routeHostnames: readonly string[]): string {
  return `listener "${listener.name}" serves ${listener.hostname ?? 'any host name'}, and none of the route's hostnames (${routeHostnames.join(', ')}) matches it`;
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
    if (!admittedRouteKinds(l.listener).includes(route.kind)) {
      const verdict = kindVerdict(l.listener, route.kind);
      refused.push({
        listener: l,
        why: 'KindNotAllowed',
        detail: kindRefusal(l.listener, verdict),
        kindVerdict: verdict,
      });
    } else if (!namespaceAllowed(l, route.namespace, routeNamespaceLabels))
      refused.push({
        listener: l,
        why: 'NamespaceNotAllowed',
        detail: namespaceRefusal(l, route.namespace),
      });
    else allowed.push(l);
  }
  if (allowed.length === 0) return { reason: 'NotAllowedByListeners', accepted: [], refused };
  const accepted: OwnedListener[] = [];
  for (const l of allowed) {
    if (routeMatchesListenerHostname(l.listener.hostname, route.hostnames)) accepted.push(l);
    else
      refused.push({
        listener: l,
        why: 'NoMatchingListenerHostname',
        detail: hostnameRefusal(l.listener, route.hostnames),
      });
  }
  return { reason: accepted.length === 0 ? 'NoMatchingListenerHostname' : 'Accepted', accepted, refused };
}

/**
 * Why a plan is not Accepted, in words, for the parent described by `parent` (`Gateway demo/gw`):
 * the listeners that refuse the route, each with its own reason, or the listener the parentRef
 * names that does not exist.
 */
export function planRefusalText(
  plan: AttachmentPlan,
  route: Pick<RouteUnderAttachment, 'kind'>,
  parent: string,
  selection: ParentSelection,
): string {
  if (plan.reason === 'NoMatchingParent') {
    const what = [
      selection.sectionName === undefined ? '' : `named "${selection.sectionName}"`,
      selection.port === undefined ? '' : `on port ${selection.port}`,
    ]
      .filter(Boolean)
      .join(' ');
    return `${parent} has no listener ${what || 'at all'}`;
  }
  return `${parent} does not take this ${route.kind}: ${refusalsText(plan.refused)}`;
}

/** An Accepted plan some selected listeners refused: where the route attaches, and why not elsewhere. */
export function partialAttachmentText(plan: AttachmentPlan, parent: string): string {
  const names = inWords(plan.accepted.map((l) => `"${l.listener.name}"`));
  const through = plan.accepted.length === 1 ? `listener ${names}` : `listeners ${names}`;
  return `attached to ${parent} through ${through} only: ${refusalsText(plan.refused)}`;
}

/**
 * The refusals joined, listeners refusing a route kind alike told together:
 * `listeners "http", "api" and "wild" (HTTP) take HTTPRoute and GRPCRoute, not UDPRoute`.
 */
export function refusalsText(refused: readonly ListenerRefusal[]): string {
  const alike = new Map<string, ListenerRefusal[]>();
  for (const r of refused) {
    const key = r.kindVerdict ? r.kindVerdict.many : r.detail;
    alike.set(key, [...(alike.get(key) ?? []), r]);
  }
  return [...alike.entries()]
    .map(([many, group]) => {
      const [first] = group;
      if (!first || group.length === 1 || !first.kindVerdict) return group.map((r) => r.detail).join('; ');
      const protocols = new Set(group.map((r) => r.kindVerdict?.protocol));
      const names = group.map((r) =>
        protocols.size === 1
          ? `"${r.listener.listener.name}"`
          : `"${r.listener.listener.name}" (${r.kindVerdict?.protocol})`,
      );
      const shared = protocols.size === 1 ? ` (${first.kindVerdict.protocol})` : '';
      return `listeners ${inWords(names)}${shared} ${many}`;
    })
    .join('; ');
}
