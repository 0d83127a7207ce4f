import { describe, expect, it } from '@jest/globals';
import { allowedRoutes } from '../../../../webhooks/rules/gateway/allowed-routes.js';
import { certificateRefs } from '../../../../webhooks/rules/gateway/certificate-refs.js';
import { listenerConflicts } from '../../../../webhooks/rules/gateway/listener-conflicts.js';
import { listenerValidity } from '../../../../webhooks/rules/gateway/listener-validity.js';
import { listenerSetParentRule } from '../../../../webhooks/rules/gateway/listenerset-parent.js';
import { parametersRef } from '../../../../webhooks/rules/gateway/parameters-ref.js';
import { sharedAddressConflicts } from '../../../../webhooks/rules/gateway/shared-address-conflicts.js';
import type { ValidationRule } from '../../../../webhooks/rules/types.js';
import { expectFindings, loadFixture, type RuleCase, runRule } from './support/harness.js';

const suites: [string, ValidationRule, string][] = [
  ['listener validity', listenerValidity, 'listener-validity.yaml'],
  ['listener conflicts', listenerConflicts, 'listener-conflicts.yaml'],
  ['shared address conflicts (EnvoyProxy)', sharedAddressConflicts, 'shared-address-conflicts.yaml'],
  ['ListenerSet parent', listenerSetParentRule, 'listenerset-parent.yaml'],
  ['allowedRoutes', allowedRoutes, 'allowed-routes.yaml'],
  ['certificateRefs', certificateRefs, 'certificate-refs.yaml'],
  ['parametersRef', parametersRef, 'parameters-ref.yaml'],
];

describe.each(suites)('%s', (_title, rule, file) => {
  const cases = loadFixture<RuleCase>(file);

  it('has allowed and denied cases', () => {
    expect(cases.some((c) => c.findings.length === 0)).toBe(true);
    expect(cases.some((c) => c.findings.some((f) => f.severity === 'deny'))).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    expectFindings(await runRule(rule, c), c.findings);
  });
});
