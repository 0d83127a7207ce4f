import { TCP_ROUTE, UDP_ROUTE } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { TCPRoute, UDPRoute } from '../../../shared/kube/schemas/gateway-api/l4-routes.js';
import { deny } from '../findings.js';
import type { ValidationRule } from '../types.js';

const RULE = 'gateway/l4-route-rules';

/**
 * One rule per TCPRoute and UDPRoute. The v1 schema already says so; v1alpha2 allows up to 16, which
 * the platform's data plane refuses (Envoy Gateway marks such a route InvalidRule: "One and only one
 * rule is supported"), so the platform denies it instead of admitting a route that never works.
 */
export const l4RouteRules: ValidationRule<TCPRoute | UDPRoute> = {
  id: RULE,
  kinds: [TCP_ROUTE, UDP_ROUTE],
  reasons: ['InvalidRule'],
  guide: '配置 GatewayAPI Route',
  check({ object }) {
    const count = object.spec.rules.length;
    if (count <= 1) return [];
    return [
      deny(
        RULE,
        'spec.rules',
        `the platform supports one and only one rule per ${object.kind}, found ${count}`,
        'InvalidRule',
      ),
    ];
  },
};
