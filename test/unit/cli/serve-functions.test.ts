/**
 * `acpnet serve functions --functions a,b` selects the functions a deployment runs (one per Knative
 * Service or consumer Deployment); a name that is no function is a usage error before anything
 * starts. The running processes are tested in test/integration/webhook-server/serve-cli.test.ts
 * and test/e2e/keepalived-hosts.test.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { allFunctions } from '../../../functions/registry.js';
import { runInProcess } from '../../support/cli-in-process.js';

describe('acpnet serve functions --functions', () => {
  it('refuses a name that is no function, listing the known ones (exit 2)', async () => {
    const result = await runInProcess(['serve', 'functions', '--functions', 'ingress-sync,nope']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `acpnet serve: --functions: unknown function(s) nope (known: ${allFunctions.map((fn) => fn.name).join(', ')})\nRun 'acpnet serve --help' for usage.\n`,
    });
  });

  it('is refused for the webhooks alone (exit 2)', async () => {
    const result = await runInProcess(['serve', 'webhooks', '--functions', 'ingress-sync']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('acpnet serve: --functions applies to serve functions only\n');
  });
});
