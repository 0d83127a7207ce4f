/**
 * Fuzzes the webhook server, `acpnet validate`, the functions' HTTP runtime and `acpnet replay` in
 * process with generated AdmissionReviews, manifest files and CloudEvents, and prints the outcomes
 * per target, the crashes and hangs (both must be 0) and the cases per second.
 *
 *   npm run bench:fuzz [-- --cases N]     (or FUZZ_CASES=N; default 10,000)
 *   FUZZ_SEED=S                           reuse a run's seed
 *   FUZZ_REPLAY=TARGET:RUN                run one case of that seed again (printed with a failure)
 *   FUZZ_WATCHDOG_MS=MS                   how long one case may take (default 30,000)
 */
import { parseArgs } from 'node:util';
import { closePlans, openPlans, seedFrom } from '../test/support/fuzz/plans.js';
import { formatReport, runFuzz } from '../test/support/fuzz/runner.js';
import { reportFigure } from './support/figures.js';

const { values } = parseArgs({ options: { cases: { type: 'string' } } });
const cases = Number(values.cases ?? process.env.FUZZ_CASES ?? 10_000);
if (!Number.isInteger(cases) || cases < 1)
  throw new Error(`--cases must be a positive integer, got ${cases}`);
const seed = seedFrom(process.env);
const watchdogMs = Number(process.env.FUZZ_WATCHDOG_MS ?? 30_000);

const plans = await openPlans(cases);
const started = performance.now();
let lastPrint = started;
const report = await runFuzz(plans, {
  seed,
  watchdogMs,
  replay: process.env.FUZZ_REPLAY,
  onProgress: (target, done) => {
    if (performance.now() - lastPrint < 5_000) return;
    lastPrint = performance.now();
    process.stderr.write(`  ${target}: ${done} cases\n`);
  },
});
const seconds = (performance.now() - started) / 1000;
await closePlans(plans);

const total = report.targets.reduce((sum, target) => sum + target.cases, 0);
const crashes = report.failures.filter((failure) => failure.kind === 'crash').length;
const hangs = report.failures.filter((failure) => failure.kind === 'hang').length;
const outcomes: Record<string, number> = {};
for (const target of report.targets) {
  for (const [outcome, count] of Object.entries(target.outcomes))
    outcomes[outcome] = (outcomes[outcome] ?? 0) + count;
}
console.log(formatReport(report));
console.log(
  `all targets: ${total} cases in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} cases/s); ` +
    `crashes ${crashes}, hangs ${hangs}`,
);
console.log(
  `outcomes: ${Object.entries(outcomes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outcome, count]) => `${outcome}: ${count}`)
    .join(', ')}`,
);
reportFigure({ name: 'fuzz cases', value: total, unit: 'cases', goal: '≥ 10000' });
reportFigure({ name: 'fuzz crashes', value: crashes, unit: 'cases', goal: '≤ 0' });
reportFigure({ name: 'fuzz hangs', value: hangs, unit: 'cases', goal: '≤ 0' });
reportFigure({ name: 'fuzz rate', value: total / seconds, unit: 'cases/s' });
process.exitCode = crashes + hangs > 0 ? 1 : 0;
