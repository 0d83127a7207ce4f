import { selectorMatches } from '../kube/label-selector.js';
import type { Gateway } from '../kube/schemas/gateway-api/gateway.js';
import type { Listener } from '../kube/schemas/gateway-api/listener.js';
import type { ListenerSet } from '../kube/schemas/gateway-api/listener-set.js';

export type { Listener };

/** The objects that declare listeners. */
export type ListenerOwnerObject = Gateway | ListenerSet;

export type ListenerOwnerKind = 'Gateway' | 'ListenerSet';

/** The object that declares a listener. */
export interface ListenerOwner {
  kind: ListenerOwnerKind;
  namespace: string;
  name: string;
}

/** An `allowedRoutes.kinds` entry; the group defaults to the Gateway API group. */
export type RouteGroupKind = NonNullable<NonNullable<Listener['allowedRoutes']>['kinds']>[number];

/** A certificate reference of a listener (`tls.certificateRefs[]`). */
export type ObjectRef = NonNullable<NonNullable<Listener['tls']>['certificateRefs']>[number];

/** A listener together with its owner and its index in the owner's `spec.listeners`. */
export interface OwnedListener {
  owner: ListenerOwner;
  index: number;
  listener: Listener;
}

export function ownerOf(obj: ListenerOwnerObject): ListenerOwner {
  return {
    kind: obj.kind === 'ListenerSet' ? 'ListenerSet' : 'Gateway',
    namespace: obj.metadata.namespace ?? '',
    name: obj.metadata.name ?? '',
  };
}

const frozenListeners = new WeakMap<ListenerOwnerObject, readonly OwnedListener[]>();

/**
 * The listeners of a Gateway or ListenerSet. Stored objects are deeply frozen, so their listeners
 * are paired with their owner once and shared by every review that meets them (each route review
 * reads its parent's).
 */
export function listenersOf(obj: ListenerOwnerObject): readonly OwnedListener[] {
  const cached = frozenListeners.get(obj);
  if (cached) return cached;
  const owner = ownerOf(obj);
  const source = obj.spec.listeners;
  const listeners = source.map((listener, index) => ({ owner, index, listener }));
  if (Object.isFrozen(obj) && Object.isFrozen(source) && source.every((l) => Object.isFrozen(l)))
    frozenListeners.set(obj, listeners);
  return listeners;
}

export function describeOwner(owner: ListenerOwner): string {
  return `${owner.kind} ${owner.namespace}/${owner.name}`;
}

export function describeListener(l: OwnedListener): string {
  return `listener "${l.listener.name}" of ${describeOwner(l.owner)}`;
}

export function sameOwner(a: ListenerOwner, b: ListenerOwner): boolean {
  return a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;
}

/** The Gateway a ListenerSet attaches to (`spec.parentRef`, namespace defaulting to the set's own). */
export function listenerSetParent(set: ListenerSet): { namespace: string; name: string } {
  const ref = set.spec.parentRef;
  return { namespace: ref.namespace ?? set.metadata.namespace ?? '', name: ref.name };
}

/** TLS mode with the API default (Terminate) applied. */
export function tlsMode(listener: Listener): string {
  return listener.tls?.mode ?? 'Terminate';
}

/**
 * Whether a Gateway takes listeners from ListenerSets of `namespace` (`spec.allowedListeners`,
 * default None). `labels` are the labels of that namespace, for `from: Selector`.
 */
export function gatewayAllowsListenerSet(
  gateway: Gateway,
  namespace: string,
  labels: Readonly<Record<string, string>>,
): boolean {
  const namespaces = gateway.spec.allowedListeners?.namespaces;
  const from = namespaces?.from ?? 'None';
  if (from === 'All') return true;
  if (from === 'Same') return namespace === (gateway.metadata.namespace ?? '');
  if (from === 'Selector')
    return namespaces?.selector !== undefined && selectorMatches(namespaces.selector, labels);
  return false;
}
