/** Jest globalTeardown: stops the services global-setup.mjs started, and removes their state. */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default async function globalTeardown() {
  const started = globalThis.__ACPNET_SERVICES__ ?? [];
  globalThis.__ACPNET_SERVICES__ = [];
  const stops = started.map(async ({ stop, stateDir }) => {
    try {
      await run('bash', [path.join(repoRoot, stop), stateDir], { cwd: repoRoot, timeout: 120_000 });
    } catch (error) {
      process.stderr.write(`${stop} ${stateDir} failed: ${error.stderr || error.message}\n`);
    }
    await rm(stateDir, { recursive: true, force: true });
  });
  await Promise.all(stops);
}
