import { array, dig, record, text } from '../../../shared/kube/fields.js';
import { GRPC_ROUTE } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { deny } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';

const RULE = 'gateway/grpcroute-platform';

const SUPPORTED_FILTER = 'RequestHeaderModifier';

/** Rule fields the upstream API accepts (or may add) that the platform's data plane does not program. */
const UNSUPPORTED_RULE_FIELDS = ['sessionPersistence', 'timeouts', 'retry'] as const;

function unsupportedFilters(filters: unknown, field: string): Finding[] {
  return array(filters).flatMap((filter, i) => {
    const type = text(record(filter)?.type);
    if (type === undefined || type === SUPPORTED_FILTER) return [];
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

/**
 * The platform's GRPCRoute subset: of the upstream filters only RequestHeaderModifier (whose
 * entry counts and value lengths the schema already bounds), and no per-rule session persistence,
 * timeouts or retries. Upstream accepts these, so they are a platform rule, not part of the schema.
 */
export const grpcRoutePlatform: ValidationRule = {
  id: RULE,
  kinds: [GRPC_ROUTE],
  check({ object }) {
    return array(dig(object, 'spec', 'rules')).flatMap((value, ri) => {
      const rule = record(value);
      if (!rule) return [];
      const base = `spec.rules[${ri}]`;
      const fields = UNSUPPORTED_RULE_FIELDS.filter((f) => rule[f] !== undefined).map((f) =>
        deny(
          RULE,
          `${base}.${f}`,
          `the platform does not support ${f} on GRPCRoutes; it supports only the ${SUPPORTED_FILTER} filter`,
          'UnsupportedValue',
        ),
      );
      const backendFilters = array(rule.backendRefs).flatMap((ref, bi) =>
        unsupportedFilters(record(ref)?.filters, `${base}.backendRefs[${bi}].filters`),
      );
      return [...unsupportedFilters(rule.filters, `${base}.filters`), ...backendFilters, ...fields];
    });
  },
};
