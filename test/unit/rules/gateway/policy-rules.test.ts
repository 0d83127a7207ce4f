import { describe, expect, it } from '@jest/globals';
import { envoyProxyRules } from '../../../../webhooks/rules/gateway/envoy-proxy.js';
import { policySecrets } from '../../../../webhooks/rules/gateway/policy-secrets.js';
import { policyTargetRefs } from '../../../../webhooks/rules/gateway/policy-target-refs.js';
import { securityPolicyUniqueness } from '../../../../webhooks/rules/gateway/security-policy-uniqueness.js';
import type { ValidationRule } from '../../../../webhooks/rules/types.js';
import { expectFindings, loadFixture, type RuleCase, runRule } from './support/harness.js';

const suites: [string, ValidationRule, string][] = [
  ['policy targetRefs', policyTargetRefs, 'policy-target-refs.yaml'],
  ['SecurityPolicy uniqueness', securityPolicyUniqueness, 'security-policy-uniqueness.yaml'],
  ['policy Secrets and CA bundles', policySecrets, 'policy-secrets.yaml'],
  ['EnvoyProxy', envoyProxyRules, 'envoy-proxy.yaml'],
];

describe.each(suites)('%s', (_title, rule, file) => {
  const cases = loadFixture<RuleCase>(file);

  it('has allowed and flagged cases', () => {
    expect(cases.some((c) => c.findings.length === 0)).toBe(true);
    expect(cases.some((c) => c.findings.length > 0)).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expectFindings(await runRule(rule, c), c.findings);
  });
});
