import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type CliRun, repoRoot } from './run-cli.js';

/** The launcher on a V8 heap of `heapMb` megabytes, which it must not outgrow. */
function runWithHeap(heapMb: number, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const node = path.join(repoRoot, 'node_modules/.bin/node');
    const child = spawn(node, [`--max-old-space-size=${heapMb}`, 'cli/acpnet.mjs', ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('acpnet validate on a file of many documents', () => {
  const documents = 5_000;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'acpnet-validate-memory-'));
    file = path.join(dir, 'many.yaml');
    const value = 'v'.repeat(2_000);
    const text = Array.from(
      { length: documents },
      (_, i) =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}, namespace: demo}\ndata: {k: "${value}"}\n`,
    ).join('---\n');
    await writeFile(file, text);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // 10 MB of 2 KB documents. Reading every document of the file before admitting any took about
  // 37 times the file (over 256 MB of heap: out of memory); read and admitted one at a time, the
  // heap holds the text, one document and the store of what was admitted.
  it('stays within a heap of 160 MB', async () => {
    const run = await runWithHeap(160, ['validate', file]);
    expect(run.stderr).not.toContain('heap out of memory');
    expect(run.stdout).toContain(`${documents} objects: ${documents} admitted, 0 denied, 0 warnings`);
    expect(run.stdout).toContain(
      `${file}#${documents} (line ${documents * 5 - 4})  ConfigMap demo/cm-${documents - 1}`,
    );
    expect(run.code).toBe(0);
  }, 120_000);
});
