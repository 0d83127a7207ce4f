import { listenerSetParent } from '../../../shared/gateway/listeners.js';
import { equalityIndex } from '../../../shared/kube/model/indexes.js';
import { ENVOY_PROXY, SECURITY_POLICY } from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import { GATEWAY, LISTENER_SET, ROUTE_KINDS } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { EqualityIndexSpec } from '../../../shared/kube/store.js';
import {
  envoyProxyLoadBalancerIps,
  gatewayEnvoyProxy,
  gatewayStaticAddresses,
  nsName,
} from './lib/infrastructure.js';
import { targetKey, targetRefsOf } from './lib/policy-targets.js';
import { parentKey, parentRefsOf } from './lib/routes.js';

export const LISTENER_SETS_BY_PARENT = 'gateway/listenersets-by-parent';
export const GATEWAYS_BY_STATIC_ADDRESS = 'gateway/gateways-by-static-address';
export const GATEWAYS_BY_ENVOY_PROXY = 'gateway/gateways-by-envoyproxy';
export const ENVOY_PROXIES_BY_LB_IP = 'gateway/envoyproxies-by-loadbalancer-ip';
export const ROUTES_BY_PARENT = 'gateway/routes-by-parent';
export const SECURITY_POLICIES_BY_TARGET = 'gateway/securitypolicies-by-target';

export const gatewayIndexes: readonly EqualityIndexSpec[] = [
  equalityIndex(LISTENER_SET, LISTENER_SETS_BY_PARENT, (set) => {
    const parent = listenerSetParent(set);
    return [nsName(parent.namespace, parent.name)];
  }),
  equalityIndex(GATEWAY, GATEWAYS_BY_STATIC_ADDRESS, gatewayStaticAddresses),
  equalityIndex(GATEWAY, GATEWAYS_BY_ENVOY_PROXY, (gateway) => {
    const proxy = gatewayEnvoyProxy(gateway);
    return proxy ? [proxy] : [];
  }),
  equalityIndex(ENVOY_PROXY, ENVOY_PROXIES_BY_LB_IP, envoyProxyLoadBalancerIps),
  ...ROUTE_KINDS.map((kind) =>
    equalityIndex(kind, ROUTES_BY_PARENT, (route) => parentRefsOf(route).map(parentKey)),
  ),
  equalityIndex(SECURITY_POLICY, SECURITY_POLICIES_BY_TARGET, (policy) =>
    targetRefsOf(policy).map(targetKey),
  ),
];
