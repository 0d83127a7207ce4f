import type { KubeObject } from '../../../shared/kube/object.js';
import { describeObject } from '../../../shared/kube/object.js';
import { SECURITY_POLICY } from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import type { SecurityPolicy } from '../../../shared/kube/schemas/envoy-gateway/security-policy.js';
import { deny } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import { SECURITY_POLICIES_BY_TARGET } from './indexes.js';
import { describeTarget, targetFieldPath, targetKey, targetRefsOf } from './lib/policy-targets.js';

const RULE = 'gateway/security-policy-uniqueness';

/** Whether `other` was attached before `policy` (a policy being created is the newest). */
function attachedBefore(other: KubeObject, policy: KubeObject): boolean {
  const mine = policy.metadata.creationTimestamp;
  const theirs = other.metadata.creationTimestamp;
  if (mine == null) return true;
  if (theirs == null) return false;
  return theirs < mine || (theirs === mine && (other.metadata.name ?? '') < (policy.metadata.name ?? ''));
}

/**
 * At most one SecurityPolicy per target at one level (a Gateway, one of its listeners, a route):
 * the newer policy is refused, naming the one already attached.
 */
export const securityPolicyUniqueness: ValidationRule<SecurityPolicy> = {
  id: RULE,
  kinds: [SECURITY_POLICY],
  reasons: ['Conflicted'],
  guide: '配置 GatewayAPI 策略',
  check({ object, view }) {
    const findings: Finding[] = [];
    for (const ref of targetRefsOf(object)) {
      const holders = view
        .byIndex(SECURITY_POLICY, SECURITY_POLICIES_BY_TARGET, targetKey(ref))
        .filter(
          (p) =>
            p.metadata.name !== object.metadata.name || p.metadata.namespace !== object.metadata.namespace,
        );
      const first = holders.find((p) => attachedBefore(p, object));
      if (!first) continue;
      findings.push(
        deny(
          RULE,
          targetFieldPath(object, ref),
          `${describeTarget(ref)} already has a SecurityPolicy`,
          'Conflicted',
          describeObject(first),
        ),
      );
    }
    return findings;
  },
};
