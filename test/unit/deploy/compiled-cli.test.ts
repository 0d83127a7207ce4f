// The image runs the CLI compiled ahead of time (infra/build/bundle.mjs): the compiled CLI answers
// as the TypeScript one does.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
// @ts-expect-error: a plain ES module without type declarations.
import { bundle } from '../../../infra/build/bundle.mjs';
import { runInProcess } from '../../support/cli-in-process.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
let outdir: string;

beforeAll(async () => {
  // Inside the repository, so that the compiled modules find node_modules as the image's do.
  await mkdir(path.join(repoRoot, '.acpnet'), { recursive: true });
  outdir = await mkdtemp(path.join(repoRoot, '.acpnet/compiled-cli-'));
  await bundle([{ in: 'cli/entry.ts', out: 'acpnet' }], outdir);
}, 60_000);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

async function compiled(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(outdir, 'acpnet.mjs'), ...args], {
      cwd: repoRoot,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the compiled CLI', () => {
  // A child process and the whole rule set loaded in this one: seconds on a loaded machine.
  jest.setTimeout(60_000);
  it('prints the rule catalogue as the TypeScript CLI does', async () => {
    const args = ['rules', '--output', 'markdown'];
    const [fromCompiled, fromSource] = await Promise.all([compiled(args), runInProcess(args)]);
    expect(fromCompiled.code).toBe(0);
    expect(fromCompiled.stdout).toBe(fromSource.stdout);
  });

  it('denies a bad Subnet and refuses a broken file with the same exit codes and messages', async () => {
    const subnet = path.join(outdir, 'subnet.yaml');
    const broken = path.join(outdir, 'broken.yaml');
    await writeFile(
      subnet,
      'apiVersion: kubeovn.io/v1\nkind: Subnet\nmetadata: {name: bad}\nspec: {cidrBlock: 10.0.0.0/33, protocol: IPv4}\n',
    );
    await writeFile(broken, 'kind: [\n');
    const args = ['validate', '--output', 'json', subnet, broken];
    const [fromCompiled, fromSource] = await Promise.all([compiled(args), runInProcess(args)]);
    expect(fromCompiled.code).toBe(fromSource.code);
    expect(fromCompiled.code).not.toBe(0);
    expect(JSON.parse(fromCompiled.stdout)).toEqual(JSON.parse(fromSource.stdout));
    expect(fromCompiled.stdout).toContain('10.0.0.0/33');
  });
});
