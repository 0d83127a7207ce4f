import type { ListenerOwnerObject } from '../../../../shared/gateway/listeners.js';
import type { ModelView } from '../../../../shared/kube/model/model-view.js';
import {
  GATEWAY,
  GATEWAY_GROUP,
  type GatewayRoute,
  LISTENER_SET,
} from '../../../../shared/kube/schemas/gateway-api/definitions.js';
import { nsName } from './infrastructure.js';

export interface RouteParentRef {
  index: number;
  group: string;
  /** Gateway (default) or ListenerSet. */
  kind: string;
  namespace: string;
  name: string;
  sectionName: string | undefined;
  port: number | undefined;
}

/** `spec.parentRefs` with API defaults applied (group gateway.networking.k8s.io, kind Gateway, route namespace). */
export function parentRefsOf(route: GatewayRoute): RouteParentRef[] {
  return (route.spec.parentRefs ?? []).map((ref, index) => ({
    index,
    group: ref.group ?? GATEWAY_GROUP,
    kind: ref.kind ?? 'Gateway',
    namespace: ref.namespace ?? route.metadata.namespace ?? '',
    name: ref.name,
    sectionName: ref.sectionName,
    port: ref.port,
  }));
}

/** The stored Gateway or ListenerSet a parentRef names; undefined for other parents. */
export function routeParent(view: ModelView, ref: RouteParentRef): ListenerOwnerObject | undefined {
  if (ref.group !== GATEWAY_GROUP) return undefined;
  if (ref.kind === 'Gateway') return view.get(GATEWAY, ref.namespace, ref.name);
  if (ref.kind === 'ListenerSet') return view.get(LISTENER_SET, ref.namespace, ref.name);
  return undefined;
}

/** The key a parent is known by in the routes-by-parent index: `Kind/namespace/name`. */
export function parentKeyOf(kind: string, namespace: string, name: string): string {
  return `${kind}/${nsName(namespace, name)}`;
}

export function parentKey(ref: RouteParentRef): string {
  return parentKeyOf(ref.kind, ref.namespace, ref.name);
}

/** `spec.hostnames`; TCPRoutes and UDPRoutes have none. */
export function routeHostnames(route: GatewayRoute): readonly string[] {
  return 'hostnames' in route.spec ? (route.spec.hostnames ?? []) : [];
}

export interface RouteBackendRef {
  /** Field path, e.g. `spec.rules[0].backendRefs[1]`. */
  field: string;
  group: string;
  kind: string;
  name: string;
  namespace: string;
}

/** What every route kind's backendRefs share. */
interface BackendReference {
  group?: string;
  kind?: string;
  name: string;
  namespace?: string;
}

/** Every backendRef of every rule, with defaults (core Service, route namespace). */
export function backendRefsOf(route: GatewayRoute): RouteBackendRef[] {
  const rules: readonly { backendRefs?: readonly BackendReference[] }[] = route.spec.rules ?? [];
  return rules.flatMap((rule, ri) =>
    (rule.backendRefs ?? []).map((ref, bi) => ({
      field: `spec.rules[${ri}].backendRefs[${bi}]`,
      group: ref.group ?? '',
      kind: ref.kind ?? 'Service',
      name: ref.name,
      namespace: ref.namespace ?? route.metadata.namespace ?? '',
    })),
  );
}
