import type { KindDefinition } from '../../kind-definition.js';
import { backendTrafficPolicyV1alpha1 } from './backend-traffic-policy.js';
import { clientTrafficPolicyV1alpha1 } from './client-traffic-policy.js';
import { envoyProxyV1alpha1 } from './envoy-proxy.js';
import { securityPolicyV1alpha1 } from './security-policy.js';

const group = 'gateway.envoyproxy.io';

/** The Envoy Gateway kinds the platform's Gateway tasks use. */
export const envoyGatewayDefinitions: readonly KindDefinition[] = [
  {
    group,
    kind: 'EnvoyProxy',
    plural: 'envoyproxies',
    namespaced: true,
    versions: { v1alpha1: envoyProxyV1alpha1 },
  },
  {
    group,
    kind: 'SecurityPolicy',
    plural: 'securitypolicies',
    namespaced: true,
    versions: { v1alpha1: securityPolicyV1alpha1 },
  },
  {
    group,
    kind: 'ClientTrafficPolicy',
    plural: 'clienttrafficpolicies',
    namespaced: true,
    versions: { v1alpha1: clientTrafficPolicyV1alpha1 },
  },
  {
    group,
    kind: 'BackendTrafficPolicy',
    plural: 'backendtrafficpolicies',
    namespaced: true,
    versions: { v1alpha1: backendTrafficPolicyV1alpha1 },
  },
];
