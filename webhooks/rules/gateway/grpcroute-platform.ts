import { GRPC_ROUTE } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { GRPCRoute } from '../../../shared/kube/schemas/gateway-api/grpc-route.js';
import { deny } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';

const RULE = 'gateway/grpcroute-platform';

const SUPPORTED_FILTER = 'RequestHeaderModifier';

/** Rule fields the upstream API accepts (or may add) that the platform's data plane does not program. */
const UNSUPPORTED_RULE_FIELDS = ['sessionPersistence', 'timeouts', 'retry'] as const;

/** A GRPCRoute rule as the platform judges it, including fields a newer API version may carry. */
interface PlatformRule {
  filters?: readonly { type: string }[];
  backendRefs?: readonly { filters?: readonly { type: string }[] }[];
  sessionPersistence?: unknown;
  timeouts?: unknown;
  retry?: unknown;
}

function unsupportedFilters(filters: readonly { type: string }[] | undefined, field: string): Finding[] {
  return (filters ?? []).flatMap(({ type }, i) => {
    if (type === SUPPORTED_FILTER) return [];
    return [
      deny(
        RULE,
        `${field}[${i}].type`,
        `the platform supports only the ${SUPPORTED_FILTER} filter on GRPCRoutes, not ${type}`,
        'UnsupportedValue',
      ),
    ];
  });
}

function ruleFindings(rule: PlatformRule, ri: number): Finding[] {
  const base = `spec.rules[${ri}]`;
  const fields = UNSUPPORTED_RULE_FIELDS.filter((f) => rule[f] !== undefined).map((f) =>
    deny(
      RULE,
      `${base}.${f}`,
      `the platform does not support ${f} on GRPCRoutes; it supports only the ${SUPPORTED_FILTER} filter`,
      'UnsupportedValue',
    ),
  );
  const backendFilters = (rule.backendRefs ?? []).flatMap((ref, bi) =>
    unsupportedFilters(ref.filters, `${base}.backendRefs[${bi}].filters`),
  );
  return [...unsupportedFilters(rule.filters, `${base}.filters`), ...backendFilters, ...fields];
}

/**
 * The platform's GRPCRoute subset: of the upstream filters only RequestHeaderModifier (whose
 * entry counts and value lengths the schema already bounds), and no per-rule session persistence,
 * timeouts or retries. Upstream accepts these, so they are a platform rule, not part of the schema.
 */
export const grpcRoutePlatform: ValidationRule<GRPCRoute> = {
  id: RULE,
  kinds: [GRPC_ROUTE],
  reasons: ['UnsupportedValue'],
  guide: '配置 GatewayAPI Route',
  check({ object }) {
    return (object.spec.rules ?? []).flatMap(ruleFindings);
  },
};
