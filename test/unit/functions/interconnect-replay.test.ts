/**
 * `acpnet replay` of a recorded interconnect log (ovn-ic-config from the API server, Availability_Zone
 * and Route rows from the OVSDB bridge): twice gives byte-identical --write-state, onto its own result
 * it makes no effects, and broken lines are reported by line and field while the rest is processed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import type { CliIO } from '../../../cli/io.js';
import { run } from '../../../cli/main.js';
import { fixtureDir } from './harness.js';

const events = path.join(fixtureDir, 'interconnect-cidrs/events.jsonl');
const broken = path.join(fixtureDir, 'interconnect-cidrs/broken.jsonl');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'interconnect-replay-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function replay(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: async () => '' };
  const code = await run(
    ['replay', '--log-level', 'silent', '--functions', 'interconnect-cidrs', ...args],
    io,
  );
  return { code, stdout, stderr };
}

function files(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .map((file) => [path.relative(dir, file), readFileSync(file, 'utf8')] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

describe('acpnet replay of interconnect events', () => {
  const [a, b, c] = ['a', 'b', 'c'].map((name) => path.join(scratch, name));

  it('applies the log: CIDRs of the other zone, the row inserted and deleted in the log compacted away', async () => {
    const result = await replay(['--from', events, '--write-state', a!, '--output', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // The insert of Route ...23 is decided by its delete, the insert of ...22 by its modify.
    expect(report).toMatchObject({ events: 9, skipped: 2, errors: [] });
    const cidrs = parse(files(a!).get('kube-system/ConfigMap-acpnet-interconnect-cidrs.yaml')!);
    expect(cidrs.data).toEqual({ az2: '10.17.0.0/16,100.66.0.0/16' });
    const zones = parse(files(a!).get('kube-system/ConfigMap-acpnet-interconnect-zones.yaml')!);
    expect(Object.keys(zones.data)).toEqual([
      'route.00000000-0000-4000-8000-000000000011',
      'route.00000000-0000-4000-8000-000000000021',
      'route.00000000-0000-4000-8000-000000000022',
      'zone.00000000-0000-4000-8000-000000000001',
      'zone.00000000-0000-4000-8000-000000000002',
    ]);
  });

  it('writes byte-identical state when replayed twice', async () => {
    expect((await replay(['--from', events, '--write-state', b!])).code).toBe(0);
    expect(files(b!)).toEqual(files(a!));
  });

  it('replayed onto its own result, makes no effects and changes no byte', async () => {
    const again = await replay(['--from', events, '--state', a!, '--write-state', c!, '--output', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).effects).toEqual([]);
    expect(files(c!)).toEqual(files(a!));
  });

  it('with --dry-run lists the planned applies and writes nothing', async () => {
    const dry = await replay(['--from', events, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('interconnect-cidrs: apply ConfigMap kube-system/acpnet-interconnect-cidrs');
    expect(dry.stdout).toContain('interconnect-cidrs: apply ConfigMap kube-system/acpnet-interconnect-zones');
  });

  it('reports each broken line by line and field, processes the rest, and exits 1', async () => {
    const result = await replay(['--from', broken, '--output', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.events).toBe(5);
    expect(report.errors).toEqual([
      { event: 'no-prefix', message: `${broken}:2: data.new.ip_prefix: must be a string, got nothing` },
      { event: `${broken}:3`, message: expect.stringMatching(/^line 3: malformed JSON/) },
      { event: 'bad-uuid', message: `${broken}:4: data.uuid: must be a row uuid, got "route-21"` },
      { event: 'no-table', message: `${broken}:5: data.table: must be a table name, got undefined` },
    ]);
    expect(report.effects.map((e: { name: string }) => e.name)).toEqual([
      'acpnet-interconnect-zones',
      'acpnet-interconnect-cidrs',
    ]);
  });
});
