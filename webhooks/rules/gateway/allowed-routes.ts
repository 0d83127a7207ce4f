import { type ListenerOwnerObject, listenersOf } from '../../../shared/gateway/listeners.js';
import { selectorProblem } from '../../../shared/kube/label-selector.js';
import { GATEWAY, LISTENER_SET } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { deny } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import { supportedRouteKinds, unsupportedAllowedKinds } from './lib/route-kinds.js';

const RULE = 'gateway/allowed-routes';

const NAMESPACE_SOURCES: readonly string[] = ['Same', 'All', 'Selector'];

/**
 * `allowedRoutes`: namespaces from Same, All or Selector (a Selector needs a usable selector), and
 * kinds the listener's protocol can carry (InvalidRouteKinds otherwise).
 */
export const allowedRoutes: ValidationRule<ListenerOwnerObject> = {
  id: RULE,
  kinds: [GATEWAY, LISTENER_SET],
  reasons: ['InvalidAllowedRoutes', 'InvalidRouteKinds'],
  guide: '配置 GatewayAPI Gateway',
  check({ object }) {
    const findings: Finding[] = [];
    for (const { index, listener } of listenersOf(object)) {
      const field = `spec.listeners[${index}].allowedRoutes`;
      const namespaces = listener.allowedRoutes?.namespaces;
      const from = namespaces?.from;
      if (from !== undefined && !NAMESPACE_SOURCES.includes(from)) {
        findings.push(deny(RULE, `${field}.namespaces.from`, `"${from}" is not one of Same, All, Selector`));
      } else if (from === 'Selector') {
        const problem = selectorProblem(namespaces?.selector);
        if (problem)
          findings.push(deny(RULE, `${field}.namespaces.selector`, problem, 'InvalidAllowedRoutes'));
      }
      const bad = unsupportedAllowedKinds(listener);
      if (bad.length > 0) {
        const names = bad.map((k) => (k.group === undefined ? k.kind : `${k.group}/${k.kind}`)).join(', ');
        const supported = supportedRouteKinds(listener).join(', ') || 'none';
        findings.push(
          deny(
            RULE,
            `${field}.kinds`,
            `${names} cannot attach to a ${listener.protocol} listener (supported: ${supported})`,
            'InvalidRouteKinds',
          ),
        );
      }
    }
    return findings;
  },
};
