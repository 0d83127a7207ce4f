import type { ServiceGroup } from '../../../../shared/kube/schemas/alb.js';
import { deny } from '../../findings.js';
import type { Reason } from '../../reasons.js';
import type { Finding } from '../../types.js';

/** ALB session affinity: none, source-IP hash, or hashing a cookie or header named by the attribute. */
export const SESSION_AFFINITY_POLICIES: readonly string[] = ['', 'sip-hash', 'cookie', 'header'];

/** Every reason `serviceGroupFindings` can give. */
export const SERVICE_GROUP_REASONS: readonly Reason[] = [
  'InvalidSessionAffinity',
  'SessionAffinityAttributeRequired',
  'DuplicateService',
  'NoWeightedService',
];

/** Policy, attribute and weighted services of a Frontend's or Rule's `serviceGroup`. */
export function serviceGroupFindings(rule: string, group: ServiceGroup | undefined): Finding[] {
  if (!group) return [];
  const out: Finding[] = [];
  const policy = group.session_affinity_policy ?? '';
  if (!SESSION_AFFINITY_POLICIES.includes(policy)) {
    out.push(
      deny(
        rule,
        'spec.serviceGroup.session_affinity_policy',
        `"${policy}" is not one of sip-hash, cookie, header (or empty for none)`,
        'InvalidSessionAffinity',
      ),
    );
  } else if ((policy === 'cookie' || policy === 'header') && !group.session_affinity_attribute) {
    out.push(
      deny(
        rule,
        'spec.serviceGroup.session_affinity_attribute',
        `session affinity by ${policy} needs the ${policy} name in session_affinity_attribute`,
        'SessionAffinityAttributeRequired',
      ),
    );
  }
  const services = group.services ?? [];
  const seen = new Map<string, number>();
  for (const [i, service] of services.entries()) {
    const key = `${service.namespace}/${service.name}:${service.port}`;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push(
        deny(
          rule,
          `spec.serviceGroup.services[${i}]`,
          `Service ${key} is listed twice (also services[${first}]); give it one weight`,
          'DuplicateService',
          `Service ${service.namespace}/${service.name}`,
        ),
      );
    } else seen.set(key, i);
  }
  if (services.length > 0 && services.every((s) => s.weight === 0)) {
    out.push(
      deny(
        rule,
        'spec.serviceGroup.services',
        'every service has weight 0, so no service receives traffic; weights are 0-100',
        'NoWeightedService',
      ),
    );
  }
  return out;
}
