import { array, dig, integer, record, text } from '../../../shared/kube/fields.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { GATEWAY_GROUP } from '../../../shared/kube/schemas/gateway-api/definitions.js';

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
export function parentRefsOf(route: KubeObject): RouteParentRef[] {
  return array(dig(route, 'spec', 'parentRefs')).flatMap((value, index) => {
    const r = record(value);
    const name = text(r?.name);
    if (!r || name === undefined) return [];
    return [
      {
        index,
        group: text(r.group) ?? GATEWAY_GROUP,
        kind: text(r.kind) ?? 'Gateway',
        namespace: text(r.namespace) ?? route.metadata.namespace ?? '',
        name,
        sectionName: text(r.sectionName),
        port: integer(r.port),
      },
    ];
  });
}

export function routeHostnames(route: KubeObject): string[] {
  return array(dig(route, 'spec', 'hostnames')).filter((h): h is string => typeof h === 'string');
}

export interface RouteBackendRef {
  /** Field path, e.g. `spec.rules[0].backendRefs[1]`. */
  field: string;
  group: string;
  kind: string;
  name: string;
  namespace: string;
}

/** Every backendRef of every rule, with defaults (core Service, route namespace). */
export function backendRefsOf(route: KubeObject): RouteBackendRef[] {
  const out: RouteBackendRef[] = [];
  array(dig(route, 'spec', 'rules')).forEach((rule, ri) => {
    array(record(rule)?.backendRefs).forEach((ref, bi) => {
      const r = record(ref);
      const name = text(r?.name);
      if (!r || name === undefined) return;
      out.push({
        field: `spec.rules[${ri}].backendRefs[${bi}]`,
        group: text(r.group) ?? '',
        kind: text(r.kind) ?? 'Service',
        name,
        namespace: text(r.namespace) ?? route.metadata.namespace ?? '',
      });
    });
  });
  return out;
}
