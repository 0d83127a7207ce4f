import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type InProcessRun, runInProcess } from '../cli-in-process.js';
import { replayLogs } from './cloud-events.js';
import { type ManifestFile, manifestFiles } from './manifest-texts.js';
import { excerpt, FuzzCrash, type FuzzTarget } from './target.js';

/** Exit 3 is acpnet's own fault; a rule that threw is reported on stderr and is one too. */
function checkedRun(run: InProcessRun, documented: readonly number[]): string {
  if (!documented.includes(run.code)) throw new FuzzCrash(`exit ${run.code}: ${excerpt(run.stderr, 600)}`);
  const ruleFailure = /rule \S+ failed: .*/.exec(run.stderr);
  if (ruleFailure) throw new FuzzCrash(ruleFailure[0]);
  return `exit ${run.code}`;
}

function parsedReport(run: InProcessRun): void {
  try {
    JSON.parse(run.stdout);
  } catch {
    throw new FuzzCrash(`exit ${run.code} without a JSON report: ${excerpt(run.stdout)}`);
  }
}

/** `acpnet validate --output json FILE` in process: exit 0, 1 or 2, a JSON report every time. */
export async function validateTarget(): Promise<FuzzTarget<ManifestFile>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'acpnet-fuzz-validate-'));
  return {
    name: 'validate',
    inputs: manifestFiles,
    describe: (input) => `${input.name} ${excerpt(input.bytes)}`,
    close: () => rm(dir, { recursive: true, force: true }),
    async run(input) {
      const file = path.join(dir, input.name);
      await writeFile(file, input.bytes);
      const run = await runInProcess(['validate', '--output', 'json', file]);
      const outcome = checkedRun(run, [0, 1, 2]);
      parsedReport(run);
      return outcome;
    },
  };
}

/** `acpnet replay --from FILE.jsonl --output json` in process: exit 0, 1 or 2. */
export async function replayTarget(): Promise<FuzzTarget<Buffer>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'acpnet-fuzz-replay-'));
  return {
    name: 'replay',
    inputs: replayLogs,
    describe: (input) => excerpt(input, 400),
    close: () => rm(dir, { recursive: true, force: true }),
    async run(input) {
      const file = path.join(dir, 'events.jsonl');
      await writeFile(file, input);
      const run = await runInProcess(['replay', '--from', file, '--output', 'json', '--log-level', 'error']);
      const outcome = checkedRun(run, [0, 1, 2]);
      if (run.code !== 2) parsedReport(run);
      return outcome;
    },
  };
}
