import { CONFIG_MAP, NAMESPACE, SERVICE } from '../../../shared/kube/schemas/core.js';
import {
  BACKEND_TRAFFIC_POLICY,
  CLIENT_TRAFFIC_POLICY,
  ENVOY_PROXY,
  SECURITY_POLICY,
} from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import {
  BACKEND_TLS_POLICY,
  GATEWAY,
  LISTENER_SET,
  REFERENCE_GRANT,
  ROUTE_KINDS,
} from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { IP_ADDRESS_POOL } from '../../../shared/kube/schemas/metallb.js';
import { poolRangeIndex } from '../../../shared/metallb/indexes.js';
import type { RuleFamily } from '../types.js';
import { allowedRoutes } from './allowed-routes.js';
import { certificateRefs } from './certificate-refs.js';
import { detachedRoutes } from './detached-routes.js';
import { envoyProxyRules } from './envoy-proxy.js';
import { envoyProxyAddresses } from './envoy-proxy-addresses.js';
import { grpcRoutePlatform } from './grpcroute-platform.js';
import { gatewayIndexes } from './indexes.js';
import { l4RouteRules } from './l4-route-rules.js';
import { listenerConflicts } from './listener-conflicts.js';
import { listenerDefaults } from './listener-defaults.js';
import { listenerValidity } from './listener-validity.js';
import { listenerSetParentRule } from './listenerset-parent.js';
import { parametersRef } from './parameters-ref.js';
import { policySecrets } from './policy-secrets.js';
import { policyTargetRefs } from './policy-target-refs.js';
import { routeAttachment } from './route-attachment.js';
import { routeBackendRefs } from './route-backend-refs.js';
import { routeDefaults } from './route-defaults.js';
import { securityPolicyUniqueness } from './security-policy-uniqueness.js';
import { sharedAddressConflicts } from './shared-address-conflicts.js';
import { tlsRouteHostnames } from './tlsroute-hostnames.js';

/** Gateway API and Envoy Gateway admission: listeners, routes, policies, EnvoyProxy. */
export const gatewayFamily: RuleFamily = {
  name: 'gateway',
  rules: [
    listenerValidity,
    listenerConflicts,
    listenerSetParentRule,
    allowedRoutes,
    certificateRefs,
    parametersRef,
    detachedRoutes,
    routeAttachment,
    routeBackendRefs,
    grpcRoutePlatform,
    l4RouteRules,
    policyTargetRefs,
    securityPolicyUniqueness,
    policySecrets,
    envoyProxyRules,
    sharedAddressConflicts,
    envoyProxyAddresses,
  ],
  mutators: [listenerDefaults, routeDefaults, tlsRouteHostnames],
  equalityIndexes: gatewayIndexes,
  rangeIndexes: [poolRangeIndex],
  reads: [
    GATEWAY,
    LISTENER_SET,
    ...ROUTE_KINDS,
    REFERENCE_GRANT,
    ENVOY_PROXY,
    SECURITY_POLICY,
    CLIENT_TRAFFIC_POLICY,
    BACKEND_TRAFFIC_POLICY,
    BACKEND_TLS_POLICY,
    NAMESPACE,
    SERVICE,
    CONFIG_MAP,
    IP_ADDRESS_POOL,
  ],
};
