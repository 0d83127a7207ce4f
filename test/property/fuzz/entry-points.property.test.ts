import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { closePlans, openPlans, seedFrom } from '../../support/fuzz/plans.js';
import { type FuzzPlan, type FuzzReport, formatReport, runFuzz } from '../../support/fuzz/runner.js';

/**
 * Generated AdmissionReviews, manifest files and CloudEvents through the webhook server, acpnet
 * validate, the functions' HTTP runtime and acpnet replay, all in process. Every case must be
 * answered within the watchdog by a 4xx, an AdmissionReview (allowed or denied with 403), or an exit
 * status acpnet documents; the seed is random unless FUZZ_SEED is set, and a failure prints the
 * seed and FUZZ_REPLAY of each failing case (npm run bench:fuzz replays one the same way).
 */

const CASES = Number(process.env.FUZZ_CASES ?? 1_100);
const WATCHDOG_MS = Number(process.env.FUZZ_WATCHDOG_MS ?? 20_000);

let plans: FuzzPlan[];
let report: FuzzReport;

beforeAll(async () => {
  plans = await openPlans(CASES);
}, 120_000);

afterAll(async () => {
  await closePlans(plans);
});

const count = (target: string, outcome: string) =>
  report.targets.find((t) => t.name === target)?.outcomes[outcome] ?? 0;

describe('every entry point under generated input', () => {
  it('answers every case, within the watchdog, with a documented answer', async () => {
    report = await runFuzz(plans, {
      seed: seedFrom(process.env),
      watchdogMs: WATCHDOG_MS,
      replay: process.env.FUZZ_REPLAY,
    });
    if (report.failures.length > 0) throw new Error(`fuzzing failed\n${formatReport(report)}`);
    if (process.env.FUZZ_REPLAY) return;
    expect(report.targets.reduce((sum, target) => sum + target.cases, 0)).toBeGreaterThanOrEqual(1_000);
  }, 900_000);

  it('reaches past the envelope checks into the rules and the functions', () => {
    if (process.env.FUZZ_REPLAY) return;
    expect(count('webhook', 'allowed')).toBeGreaterThan(0);
    expect(count('webhook', 'denied')).toBeGreaterThan(0);
    expect(count('validate', 'exit 0') + count('validate', 'exit 1')).toBeGreaterThan(0);
    expect(count('validate', 'exit 2')).toBeGreaterThan(0);
    expect(count('functions-http', '202 processed')).toBeGreaterThan(0);
    expect(count('replay', 'exit 0') + count('replay', 'exit 1')).toBeGreaterThan(0);
  });
});
