import { describe, expect, it } from '@jest/globals';
import { detachedRoutes } from '../../../../webhooks/rules/gateway/detached-routes.js';
import { grpcRoutePlatform } from '../../../../webhooks/rules/gateway/grpcroute-platform.js';
import { l4RouteRules } from '../../../../webhooks/rules/gateway/l4-route-rules.js';
import { routeAttachment } from '../../../../webhooks/rules/gateway/route-attachment.js';
import { routeBackendRefs } from '../../../../webhooks/rules/gateway/route-backend-refs.js';
import type { ValidationRule } from '../../../../webhooks/rules/types.js';
import { expectFindings, loadFixture, type RuleCase, runRule } from './support/harness.js';

const suites: [string, ValidationRule, string][] = [
  ['route attachment', routeAttachment, 'route-attachment.yaml'],
  ['route backendRefs', routeBackendRefs, 'route-backend-refs.yaml'],
  ['GRPCRoute platform subset', grpcRoutePlatform, 'grpcroute-platform.yaml'],
  ['one rule per TCPRoute and UDPRoute', l4RouteRules, 'l4-route-rules.yaml'],
  ['routes detached by a Gateway update', detachedRoutes, 'detached-routes.yaml'],
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
