import { expect } from '@jest/globals';
import type { Finding, RuleFamily } from '../../../../webhooks/rules/types.js';

/** Every finding of the families' rules carries a reason its rule declares in `reasons`. */
export function expectDeclaredReasons(families: readonly RuleFamily[], findings: readonly Finding[]): void {
  const declared = new Map(families.flatMap((f) => f.rules).map((rule) => [rule.id, rule.reasons ?? []]));
  for (const finding of findings) {
    const reasons = declared.get(finding.rule);
    if (!reasons) continue;
    expect({
      rule: finding.rule,
      reason: finding.reason,
      declared: finding.reason === undefined || reasons.includes(finding.reason),
    }).toEqual({ rule: finding.rule, reason: finding.reason, declared: true });
  }
}
