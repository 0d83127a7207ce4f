import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { CliIO } from '../../../cli/io.js';
import { run } from '../../../cli/main.js';
import { fixtureDir } from './harness.js';

async function replay(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '' };
  const code = await run(['replay', '--log-level', 'silent', ...args], io);
  return { code, stdout, stderr };
}

const events = path.join(fixtureDir, 'replay/events.jsonl');
const broken = path.join(fixtureDir, 'replay/broken.jsonl');
const state = path.join(fixtureDir, 'replay/state');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('acpnet replay', () => {
  it('prints the JSON report of docs/design.md: duplicates and stale events skipped, effects in order', async () => {
    const result = await replay(['--from', events, '--state', state, '--output', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['events', 'skipped', 'effects', 'errors']);
    expect(report.events).toBe(4);
    expect(report.skipped).toBe(2);
    expect(report.errors).toEqual([]);
    expect(report.effects.map((e: { op: string; kind: string }) => `${e.op} ${e.kind}`)).toEqual([
      'apply Frontend',
      'apply Rule',
      'apply Rule',
      'patch Ingress',
      'delete Rule',
    ]);
    expect(report.effects[0]).toEqual({
      function: 'ingress-sync',
      op: 'apply',
      apiVersion: 'crd.alauda.io/v1',
      kind: 'Frontend',
      namespace: 'cpaas-system',
      name: 'alb-demo-00080',
    });
  });

  it('writes the same state twice, so runs compare with diff -r', async () => {
    const [a, b] = [
      mkdtempSync(path.join(os.tmpdir(), 'replay-a-')),
      mkdtempSync(path.join(os.tmpdir(), 'replay-b-')),
    ];
    expect((await replay(['--from', events, '--state', state, '--write-state', a])).code).toBe(0);
    expect((await replay(['--from', events, '--state', state, '--write-state', b])).code).toBe(0);
    const files = listFiles(a);
    expect(files).toEqual(listFiles(b));
    expect(files.filter((f) => f.startsWith('cpaas-system/Rule-'))).toHaveLength(1);
    for (const f of files)
      expect(readFileSync(path.join(a, f), 'utf8')).toBe(readFileSync(path.join(b, f), 'utf8'));
    for (const dir of [a, b]) rmSync(dir, { recursive: true, force: true });
  });

  it('plans without applying on --dry-run', async () => {
    const result = await replay(['--from', events, '--state', state, '--dry-run', '--output', 'json']);
    expect(result.code).toBe(0);
    const ops = JSON.parse(result.stdout).effects.map((e: { op: string }) => e.op);
    expect(ops).toContain('apply');
  });

  it('reports unreadable lines by line number and exits 1', async () => {
    const result = await replay(['--from', broken, '--state', state, '--output', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.errors).toEqual([
      { event: `${broken}:2`, message: expect.stringMatching(/^line 2: malformed JSON/) },
      { event: 'y', message: expect.stringMatching(/broken\.jsonl:3: type: unsupported event type/) },
    ]);
  });

  it.each([
    [['--state', state], /--from is required/],
    [['--from', events, '--output', 'yaml'], /--output must be text or json/],
    [['--from', events, '--functions', 'nope'], /unknown function\(s\) nope/],
    [['--from', 'kafka://bad topic'], /is not kafka:\/\/TOPIC/],
    [['--from', events, '--dry-run', '--write-state', '/tmp/x'], /exclude each other/],
  ])('refuses bad flags %j with exit 2', async (args, message) => {
    const result = await replay(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 naming a --from file that cannot be read', async () => {
    const result = await replay(['--from', path.join(fixtureDir, 'replay/missing.jsonl')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot read .*missing\.jsonl/);
  });
});
