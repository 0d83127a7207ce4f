/** Types of the Envoy Gateway kinds, for rules to import from one place. */
export type {
  BackendTrafficPolicy,
  BackendTrafficPolicySpec,
  LocalRateLimitRule,
} from './backend-traffic-policy.js';
export type { ClientTrafficPolicy, ClientTrafficPolicySpec } from './client-traffic-policy.js';
export { envoyGatewayDefinitions } from './definitions.js';
export type { EnvoyProxy, EnvoyProxySpec, EnvoyService } from './envoy-proxy.js';
export type { PolicyTargetRef } from './policy-targets.js';
export type { SecurityPolicy, SecurityPolicySpec } from './security-policy.js';
