import { referenceGrantAllows } from '../../../shared/gateway/reference-grants.js';
import {
  GATEWAY_GROUP,
  type GatewayRoute,
  REFERENCE_GRANT,
  ROUTE_KINDS,
} from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { warn } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import { backendRefsOf } from './lib/routes.js';

const RULE = 'gateway/route-backend-refs';

/**
 * A backendRef into another namespace needs a ReferenceGrant there. Upstream keeps such a route
 * Accepted with ResolvedRefs=False (RefNotPermitted), so this warns rather than denies.
 */
export const routeBackendRefs: ValidationRule<GatewayRoute> = {
  id: RULE,
  kinds: ROUTE_KINDS,
  reasons: ['RefNotPermitted'],
  guide: '配置 GatewayAPI Route',
  check({ object, view }) {
    const ns = object.metadata.namespace ?? '';
    const findings: Finding[] = [];
    for (const ref of backendRefsOf(object)) {
      if (ref.namespace === ns) continue;
      const grants = view.list(REFERENCE_GRANT, ref.namespace);
      const from = { group: GATEWAY_GROUP, kind: object.kind, namespace: ns };
      if (referenceGrantAllows(grants, from, { group: ref.group, kind: ref.kind, name: ref.name })) continue;
      findings.push(
        warn(
          RULE,
          ref.field,
          `no ReferenceGrant in namespace ${ref.namespace} lets ${object.kind}s of ${ns} use it; traffic to it fails`,
          'RefNotPermitted',
          `${ref.kind} ${ref.namespace}/${ref.name}`,
        ),
      );
    }
    return findings;
  },
};
