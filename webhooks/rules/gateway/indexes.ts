import { listenerSetParent } from '../../../shared/gateway/listeners.js';
import { array, dig, record, stringMap, text } from '../../../shared/kube/fields.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { ENVOY_PROXY, SECURITY_POLICY } from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import { GATEWAY, LISTENER_SET, ROUTE_KINDS } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { EqualityIndexSpec } from '../../../shared/kube/store.js';
import { targetKey, targetRefsOf } from './policy-targets.js';
import { parentRefsOf } from './routes.js';

export const LISTENER_SETS_BY_PARENT = 'gateway/listenersets-by-parent';
export const GATEWAYS_BY_STATIC_ADDRESS = 'gateway/gateways-by-static-address';
export const GATEWAYS_BY_ENVOY_PROXY = 'gateway/gateways-by-envoyproxy';
export const ENVOY_PROXIES_BY_LB_IP = 'gateway/envoyproxies-by-loadbalancer-ip';
export const ROUTES_BY_PARENT = 'gateway/routes-by-parent';
export const SECURITY_POLICIES_BY_TARGET = 'gateway/securitypolicies-by-target';

export const LB_IPS_ANNOTATION = 'metallb.universe.tf/loadBalancerIPs';

export function nsName(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function splitAddresses(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Static addresses a Gateway requests: `spec.addresses`, and the MetalLB annotation in
 * `spec.infrastructure.annotations` (which Gateway API copies onto the generated Service).
 */
export function gatewayStaticAddresses(gateway: KubeObject): string[] {
  const listed = array(dig(gateway, 'spec', 'addresses')).flatMap((a) => {
    const value = text(record(a)?.value);
    return value ? [value] : [];
  });
  const annotated = splitAddresses(
    stringMap(dig(gateway, 'spec', 'infrastructure', 'annotations'))[LB_IPS_ANNOTATION],
  );
  return [...new Set([...listed, ...annotated])];
}

/** The EnvoyProxy (namespace/name) a Gateway names in `spec.infrastructure.parametersRef`. */
export function gatewayEnvoyProxy(gateway: KubeObject): string | undefined {
  const ref = record(dig(gateway, 'spec', 'infrastructure', 'parametersRef'));
  if (!ref || text(ref.kind) !== 'EnvoyProxy') return undefined;
  const name = text(ref.name);
  return name ? nsName(gateway.metadata.namespace ?? '', name) : undefined;
}

/** Addresses pinned by `metallb.universe.tf/loadBalancerIPs` on an EnvoyProxy (or its Service template). */
export function envoyProxyLoadBalancerIps(proxy: KubeObject): string[] {
  const values = [
    proxy.metadata.annotations?.[LB_IPS_ANNOTATION],
    stringMap(dig(proxy, 'spec', 'provider', 'kubernetes', 'envoyService', 'annotations'))[LB_IPS_ANNOTATION],
  ];
  return [...new Set(values.flatMap(splitAddresses))];
}

export const gatewayIndexes: readonly EqualityIndexSpec[] = [
  {
    kind: LISTENER_SET.groupKind,
    name: LISTENER_SETS_BY_PARENT,
    keys: (obj) => {
      const parent = listenerSetParent(obj);
      return parent ? [nsName(parent.namespace, parent.name)] : [];
    },
  },
  { kind: GATEWAY.groupKind, name: GATEWAYS_BY_STATIC_ADDRESS, keys: gatewayStaticAddresses },
  {
    kind: GATEWAY.groupKind,
    name: GATEWAYS_BY_ENVOY_PROXY,
    keys: (obj) => {
      const proxy = gatewayEnvoyProxy(obj);
      return proxy ? [proxy] : [];
    },
  },
  { kind: ENVOY_PROXY.groupKind, name: ENVOY_PROXIES_BY_LB_IP, keys: envoyProxyLoadBalancerIps },
  ...ROUTE_KINDS.map(
    (kind): EqualityIndexSpec => ({
      kind: kind.groupKind,
      name: ROUTES_BY_PARENT,
      keys: (obj) => parentRefsOf(obj).map((p) => `${p.kind}/${nsName(p.namespace, p.name)}`),
    }),
  ),
  {
    kind: SECURITY_POLICY.groupKind,
    name: SECURITY_POLICIES_BY_TARGET,
    keys: (obj) => targetRefsOf(obj).map(targetKey),
  },
];
