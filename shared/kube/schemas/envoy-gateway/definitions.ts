import { defineKind, type KindModel } from '../../model/kind-model.js';
import { backendTrafficPolicyV1alpha1 } from './backend-traffic-policy.js';
import { clientTrafficPolicyV1alpha1 } from './client-traffic-policy.js';
import { envoyProxyV1alpha1 } from './envoy-proxy.js';
import { securityPolicyV1alpha1 } from './security-policy.js';

const group = 'gateway.envoyproxy.io';

/** The Envoy Gateway kinds the platform's Gateway tasks use. */
export const ENVOY_PROXY = defineKind({
  group,
  kind: 'EnvoyProxy',
  plural: 'envoyproxies',
  namespaced: true,
  versions: { v1alpha1: envoyProxyV1alpha1 },
});
export const SECURITY_POLICY = defineKind({
  group,
  kind: 'SecurityPolicy',
  plural: 'securitypolicies',
  namespaced: true,
  versions: { v1alpha1: securityPolicyV1alpha1 },
});
export const CLIENT_TRAFFIC_POLICY = defineKind({
  group,
  kind: 'ClientTrafficPolicy',
  plural: 'clienttrafficpolicies',
  namespaced: true,
  versions: { v1alpha1: clientTrafficPolicyV1alpha1 },
});
export const BACKEND_TRAFFIC_POLICY = defineKind({
  group,
  kind: 'BackendTrafficPolicy',
  plural: 'backendtrafficpolicies',
  namespaced: true,
  versions: { v1alpha1: backendTrafficPolicyV1alpha1 },
});

export const envoyGatewayDefinitions: readonly KindModel[] = [
  ENVOY_PROXY,
  SECURITY_POLICY,
  CLIENT_TRAFFIC_POLICY,
  BACKEND_TRAFFIC_POLICY,
];

export const ENVOY_GROUP = group;
