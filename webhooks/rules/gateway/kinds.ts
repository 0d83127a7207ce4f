import type { GroupKind } from '../../../shared/kube/object.js';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
export const ENVOY_GROUP = 'gateway.envoyproxy.io';

export const GATEWAY: GroupKind = `${GATEWAY_GROUP}/Gateway`;
export const LISTENER_SET: GroupKind = `${GATEWAY_GROUP}/ListenerSet`;
export const HTTP_ROUTE: GroupKind = `${GATEWAY_GROUP}/HTTPRoute`;
export const GRPC_ROUTE: GroupKind = `${GATEWAY_GROUP}/GRPCRoute`;
export const TLS_ROUTE: GroupKind = `${GATEWAY_GROUP}/TLSRoute`;
export const TCP_ROUTE: GroupKind = `${GATEWAY_GROUP}/TCPRoute`;
export const UDP_ROUTE: GroupKind = `${GATEWAY_GROUP}/UDPRoute`;
export const REFERENCE_GRANT: GroupKind = `${GATEWAY_GROUP}/ReferenceGrant`;
export const BACKEND_TLS_POLICY: GroupKind = `${GATEWAY_GROUP}/BackendTLSPolicy`;

export const ENVOY_PROXY: GroupKind = `${ENVOY_GROUP}/EnvoyProxy`;
export const SECURITY_POLICY: GroupKind = `${ENVOY_GROUP}/SecurityPolicy`;
export const CLIENT_TRAFFIC_POLICY: GroupKind = `${ENVOY_GROUP}/ClientTrafficPolicy`;
export const BACKEND_TRAFFIC_POLICY: GroupKind = `${ENVOY_GROUP}/BackendTrafficPolicy`;

export const NAMESPACE: GroupKind = '/Namespace';
export const SECRET: GroupKind = '/Secret';
export const SERVICE: GroupKind = '/Service';

export const ROUTE_KINDS: readonly GroupKind[] = [HTTP_ROUTE, GRPC_ROUTE, TLS_ROUTE, TCP_ROUTE, UDP_ROUTE];
