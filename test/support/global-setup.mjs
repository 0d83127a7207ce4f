/**
 * Jest globalSetup: says once when the platform guide is missing beside the repository, and starts
 * one Kafka broker and one kube-apiserver for the whole run, shared by every
 * integration and e2e test file through ACPNET_KAFKA_BROKERS and ACPNET_KUBECONFIG (workers inherit
 * this process's environment). Nothing starts for a run without integration or e2e tests, and a
 * service already named by its variable is used as it is.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { GUIDE_MISSING_MESSAGE, guideFound } from './guide-location.mjs';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVICE_PROJECT = 'integration';
const SERVICE_DIRS = ['test/integration', 'test/e2e'];
/** Integration suites that start their own services (an ovsdb-server per suite) and need neither. */
const SELF_CONTAINED_DIRS = ['test/integration/ovsdb'];
/** A cold machine builds kube-apiserver first (infra/kube/ensure.sh). */
const START_TIMEOUT_MS = 45 * 60 * 1000;

function testFilesUnder(dir) {
  const absolute = path.join(repoRoot, dir);
  let entries;
  try {
    entries = readdirSync(absolute, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function patternsOf(globalConfig) {
  const given = globalConfig.testPathPatterns;
  if (Array.isArray(given)) return given;
  return Array.isArray(given?.patterns) ? given.patterns : [];
}

/** True when the run selects the integration project and at least one of its test files. */
export function runNeedsServices(globalConfig) {
  const selected = globalConfig.selectProjects ?? [];
  if (selected.length > 0 && !selected.includes(SERVICE_PROJECT)) return false;
  if ((globalConfig.ignoreProjects ?? []).includes(SERVICE_PROJECT)) return false;
  const patterns = patternsOf(globalConfig).map((p) => new RegExp(p, 'i'));
  if (patterns.length === 0) return true;
  const selfContained = SELF_CONTAINED_DIRS.map((dir) => path.join(repoRoot, dir) + path.sep);
  const files = SERVICE_DIRS.flatMap(testFilesUnder).filter(
    (file) => !selfContained.some((dir) => file.startsWith(dir)),
  );
  return files.some((file) => patterns.some((pattern) => pattern.test(file)));
}

async function startService(script, label) {
  const stateDir = await mkdtemp(path.join(tmpdir(), `acpnet-${label}-`));
  try {
    const { stdout } = await run('bash', [path.join(repoRoot, script), stateDir], {
      cwd: repoRoot,
      timeout: START_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { stateDir, value: stdout.trim().split('\n').at(-1) ?? '' };
  } catch (error) {
    throw new Error(`${script} ${stateDir} failed: ${error.stderr || error.message}`);
  }
}

/** True unless the run selects projects and the unit project (where the guide is read) is not one. */
function runIncludesUnitTests(globalConfig) {
  const selected = globalConfig.selectProjects ?? [];
  return selected.length === 0 || selected.includes('unit');
}

export default async function globalSetup(globalConfig) {
  if (runIncludesUnitTests(globalConfig) && !guideFound())
    process.stderr.write(`\n${GUIDE_MISSING_MESSAGE}\n`);
  const started = [];
  globalThis.__ACPNET_SERVICES__ = started;
  if (!runNeedsServices(globalConfig)) return;
  const wanted = [];
  if (!process.env.ACPNET_KAFKA_BROKERS) {
    wanted.push(
      startService('infra/kafka/start.sh', 'kafka').then(({ stateDir, value }) => {
        started.push({ stop: 'infra/kafka/stop.sh', stateDir });
        process.env.ACPNET_KAFKA_BROKERS = value;
      }),
    );
  }
  if (!process.env.ACPNET_KUBECONFIG) {
    wanted.push(
      startService('infra/kube/start.sh', 'kube').then(({ stateDir, value }) => {
        started.push({ stop: 'infra/kube/stop.sh', stateDir });
        process.env.ACPNET_KUBECONFIG = value;
      }),
    );
  }
  const results = await Promise.allSettled(wanted);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) {
    const { default: globalTeardown } = await import('./global-teardown.mjs');
    await globalTeardown();
    throw failed.reason;
  }
  if (started.length > 0) {
    process.stderr.write(
      `\nshared test services: ACPNET_KAFKA_BROKERS=${process.env.ACPNET_KAFKA_BROKERS} ` +
        `ACPNET_KUBECONFIG=${process.env.ACPNET_KUBECONFIG}\n`,
    );
  }
}
