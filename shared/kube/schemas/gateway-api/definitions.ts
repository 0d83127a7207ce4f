import { defineKind, type KindModel } from '../../model/kind-model.js';
import {
  backendTlsPolicyV1,
  backendTlsPolicyV1alpha2,
  backendTlsPolicyV1alpha3,
} from './backend-tls-policy.js';
import { gatewayV1, gatewayV1beta1 } from './gateway.js';
import { gatewayClassV1, gatewayClassV1beta1 } from './gateway-class.js';
import { type GRPCRoute, grpcRouteV1, grpcRouteV1alpha2 } from './grpc-route.js';
import { type HTTPRoute, httpRouteV1, httpRouteV1beta1 } from './http-route.js';
import {
  type TCPRoute,
  type TLSRoute,
  tcpRouteV1,
  tcpRouteV1alpha2,
  tlsRouteV1,
  tlsRouteV1alpha2,
  tlsRouteV1alpha3,
  type UDPRoute,
  udpRouteV1,
  udpRouteV1alpha2,
} from './l4-routes.js';
import { listenerSetV1, listenerSetV1alpha1 } from './listener-set.js';
import { referenceGrantV1, referenceGrantV1alpha2, referenceGrantV1beta1 } from './reference-grant.js';

const group = 'gateway.networking.k8s.io';

/** The Gateway API kinds, each with every version the platform's manifests and the corpora use. */
export const GATEWAY_CLASS = defineKind({
  group,
  kind: 'GatewayClass',
  plural: 'gatewayclasses',
  namespaced: false,
  versions: { v1: gatewayClassV1, v1beta1: gatewayClassV1beta1 },
});
export const GATEWAY = defineKind({
  group,
  kind: 'Gateway',
  plural: 'gateways',
  namespaced: true,
  versions: { v1: gatewayV1, v1beta1: gatewayV1beta1 },
});
export const LISTENER_SET = defineKind({
  group,
  kind: 'ListenerSet',
  plural: 'listenersets',
  namespaced: true,
  versions: { v1: listenerSetV1, v1alpha1: listenerSetV1alpha1 },
});
export const HTTP_ROUTE = defineKind({
  group,
  kind: 'HTTPRoute',
  plural: 'httproutes',
  namespaced: true,
  versions: { v1: httpRouteV1, v1beta1: httpRouteV1beta1 },
});
export const GRPC_ROUTE = defineKind({
  group,
  kind: 'GRPCRoute',
  plural: 'grpcroutes',
  namespaced: true,
  versions: { v1: grpcRouteV1, v1alpha2: grpcRouteV1alpha2 },
});
export const TLS_ROUTE = defineKind({
  group,
  kind: 'TLSRoute',
  plural: 'tlsroutes',
  namespaced: true,
  versions: { v1: tlsRouteV1, v1alpha3: tlsRouteV1alpha3, v1alpha2: tlsRouteV1alpha2 },
});
export const TCP_ROUTE = defineKind({
  group,
  kind: 'TCPRoute',
  plural: 'tcproutes',
  namespaced: true,
  versions: { v1: tcpRouteV1, v1alpha2: tcpRouteV1alpha2 },
});
export const UDP_ROUTE = defineKind({
  group,
  kind: 'UDPRoute',
  plural: 'udproutes',
  namespaced: true,
  versions: { v1: udpRouteV1, v1alpha2: udpRouteV1alpha2 },
});
export const REFERENCE_GRANT = defineKind({
  group,
  kind: 'ReferenceGrant',
  plural: 'referencegrants',
  namespaced: true,
  versions: { v1: referenceGrantV1, v1beta1: referenceGrantV1beta1, v1alpha2: referenceGrantV1alpha2 },
});
export const BACKEND_TLS_POLICY = defineKind({
  group,
  kind: 'BackendTLSPolicy',
  plural: 'backendtlspolicies',
  namespaced: true,
  versions: {
    v1: backendTlsPolicyV1,
    v1alpha3: backendTlsPolicyV1alpha3,
    v1alpha2: backendTlsPolicyV1alpha2,
  },
});

export const gatewayApiDefinitions: readonly KindModel[] = [
  GATEWAY_CLASS,
  GATEWAY,
  LISTENER_SET,
  HTTP_ROUTE,
  GRPC_ROUTE,
  TLS_ROUTE,
  TCP_ROUTE,
  UDP_ROUTE,
  REFERENCE_GRANT,
  BACKEND_TLS_POLICY,
];

export const GATEWAY_GROUP = group;

/** A route of any kind a Gateway listener can admit. */
export type GatewayRoute = HTTPRoute | GRPCRoute | TLSRoute | TCPRoute | UDPRoute;

/** The route kinds a Gateway listener can admit. */
export const ROUTE_KINDS: readonly KindModel<GatewayRoute>[] = [
  HTTP_ROUTE,
  GRPC_ROUTE,
  TLS_ROUTE,
  TCP_ROUTE,
  UDP_ROUTE,
];
