/** Types and schemas of the Gateway API kinds, for rules to import from one place. */
export type { BackendTLSPolicy, BackendTLSPolicySpec, PolicyTargetReference } from './backend-tls-policy.js';
export { durationMillis } from './common.js';
export { gatewayApiDefinitions } from './definitions.js';
export type { Gateway, GatewayAddress, GatewaySpec } from './gateway.js';
export type { GatewayClass } from './gateway-class.js';
export type {
  GRPCRoute,
  GRPCRouteFilter,
  GRPCRouteMatch,
  GRPCRouteRule,
  GRPCRouteSpec,
} from './grpc-route.js';
export type { HTTPRouteFilter } from './http-filters.js';
export type {
  HTTPBackendRef,
  HTTPPathMatch,
  HTTPRoute,
  HTTPRouteMatch,
  HTTPRouteRetry,
  HTTPRouteRule,
  HTTPRouteSpec,
  HTTPRouteTimeouts,
} from './http-route.js';
export type { L4RouteRule, TCPRoute, TLSRoute, UDPRoute } from './l4-routes.js';
export type { Listener } from './listener.js';
export type { ListenerSet, ListenerSetSpec } from './listener-set.js';
export type { ReferenceGrant, ReferenceGrantSpec } from './reference-grant.js';
export type { BackendObjectReference, BackendRef, ParentReference } from './references.js';
