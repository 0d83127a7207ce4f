import { array, dig, type Fields, integer, record, text } from '../kube/fields.js';
import type { LabelSelector } from '../kube/label-selector.js';
import { selectorMatches } from '../kube/label-selector.js';
import type { KubeObject } from '../kube/object.js';

export type ListenerOwnerKind = 'Gateway' | 'ListenerSet';

/** The object that declares a listener. */
export interface ListenerOwner {
  kind: ListenerOwnerKind;
  namespace: string;
  name: string;
}

export interface RouteGroupKind {
  group?: string;
  kind: string;
}

export interface ObjectRef {
  group?: string;
  kind?: string;
  name: string;
  namespace?: string;
}

/** A listener as read from a Gateway or ListenerSet, tolerant of missing or malformed fields. */
export interface Listener {
  name: string;
  port: number | undefined;
  protocol: string;
  hostname: string | undefined;
  tls:
    | {
        mode: string | undefined;
        certificateRefs: ObjectRef[];
      }
    | undefined;
  allowedRoutes: {
    from: string | undefined;
    selector: LabelSelector | undefined;
    kinds: RouteGroupKind[] | undefined;
  };
}

/** A listener together with its owner and its index in the owner's `spec.listeners`. */
export interface OwnedListener {
  owner: ListenerOwner;
  index: number;
  listener: Listener;
}

export function objectRef(value: unknown): ObjectRef | undefined {
  const r = record(value);
  const name = text(r?.name);
  if (!r || name === undefined) return undefined;
  return { group: text(r.group), kind: text(r.kind), name, namespace: text(r.namespace) };
}

function readSelector(value: unknown): LabelSelector | undefined {
  const r = record(value);
  if (!r) return undefined;
  const selector: LabelSelector = {};
  const labels = record(r.matchLabels);
  if (labels) {
    selector.matchLabels = {};
    for (const [k, v] of Object.entries(labels)) if (typeof v === 'string') selector.matchLabels[k] = v;
  }
  const expressions = array(r.matchExpressions).flatMap((e) => {
    const er = record(e);
    const key = text(er?.key);
    const operator = text(er?.operator);
    if (!er || key === undefined || operator === undefined) return [];
    return [{ key, operator, values: array(er.values).filter((v): v is string => typeof v === 'string') }];
  });
  if (expressions.length > 0) selector.matchExpressions = expressions;
  return selector;
}

export function readListener(value: unknown, index: number): Listener {
  const r: Fields = record(value) ?? {};
  const tls = record(r.tls);
  const kindsValue = dig(r, 'allowedRoutes', 'kinds');
  return {
    name: text(r.name) ?? `#${index}`,
    port: integer(r.port),
    protocol: text(r.protocol) ?? '',
    hostname: text(r.hostname),
    tls: tls
      ? {
          mode: text(tls.mode),
          certificateRefs: array(tls.certificateRefs).flatMap((c) => {
            const ref = objectRef(c);
            return ref ? [ref] : [];
          }),
        }
      : undefined,
    allowedRoutes: {
      from: text(dig(r, 'allowedRoutes', 'namespaces', 'from')),
      selector: readSelector(dig(r, 'allowedRoutes', 'namespaces', 'selector')),
      kinds: Array.isArray(kindsValue)
        ? kindsValue.flatMap((k) => {
            const kr = record(k);
            const kind = text(kr?.kind);
            return kind === undefined ? [] : [{ group: text(kr?.group), kind }];
          })
        : undefined,
    },
  };
}

export function ownerOf(obj: KubeObject): ListenerOwner {
  return {
    kind: obj.kind === 'ListenerSet' || obj.kind === 'XListenerSet' ? 'ListenerSet' : 'Gateway',
    namespace: obj.metadata.namespace ?? '',
    name: obj.metadata.name ?? '',
  };
}

const frozenListeners = new WeakMap<KubeObject, readonly OwnedListener[]>();

/**
 * The listeners of a Gateway or ListenerSet. Stored objects are deeply frozen, so their listeners
 * are read once and shared by every review that meets them (each route review reads its parent's).
 */
export function listenersOf(obj: KubeObject): readonly OwnedListener[] {
  const cached = frozenListeners.get(obj);
  if (cached) return cached;
  const owner = ownerOf(obj);
  const source = dig(obj, 'spec', 'listeners');
  const listeners = array(source).map((l, index) => ({ owner, index, listener: readListener(l, index) }));
  if (
    Object.isFrozen(obj) &&
    Array.isArray(source) &&
    Object.isFrozen(source) &&
    source.every((l) => Object.isFrozen(l))
  )
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
export function listenerSetParent(obj: KubeObject): { namespace: string; name: string } | undefined {
  const ref = objectRef(dig(obj, 'spec', 'parentRef'));
  if (!ref) return undefined;
  return { namespace: ref.namespace ?? obj.metadata.namespace ?? '', name: ref.name };
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
  gateway: KubeObject,
  namespace: string,
  labels: Readonly<Record<string, string>>,
): boolean {
  const from = text(dig(gateway, 'spec', 'allowedListeners', 'namespaces', 'from')) ?? 'None';
  if (from === 'All') return true;
  if (from === 'Same') return namespace === (gateway.metadata.namespace ?? '');
  if (from === 'Selector') {
    const selector = readSelector(dig(gateway, 'spec', 'allowedListeners', 'namespaces', 'selector'));
    return selector !== undefined && selectorMatches(selector, labels);
  }
  return false;
}
