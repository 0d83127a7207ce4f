import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { repoRoot, runCli } from './run-cli.js';

interface CliCase {
  name: string;
  tmpFiles?: Record<string, string>;
  args: string[];
  stdin?: string;
  exit: number;
  stdout?: string[];
  stderr?: string[];
}

const cases = parse(
  readFileSync(path.join(repoRoot, 'test/fixtures/review/cli/cases.yaml'), 'utf8'),
) as CliCase[];

describe('acpnet CLI', () => {
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      const tmp = await mkdtemp(path.join(tmpdir(), 'acpnet-validate-'));
      try {
        for (const [file, text] of Object.entries(c.tmpFiles ?? {}))
          await writeFile(path.join(tmp, file), text);
        const fill = (text: string) => text.replaceAll('$TMP', tmp);
        const run = await runCli(c.args.map(fill), c.stdin);
        for (const text of c.stdout ?? []) expect(run.stdout).toContain(fill(text));
        for (const text of c.stderr ?? []) expect(run.stderr).toContain(fill(text));
        expect(run.code).toBe(c.exit);
      } finally {
        await rm(tmp, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('prints the JSON report in the documented shape', async () => {
    const run = await runCli([
      'validate',
      '--output',
      'json',
      'test/fixtures/review/cli/inputs/conflict.yaml',
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { results: Record<string, unknown>[] };
    const file = 'test/fixtures/review/cli/inputs/conflict.yaml';
    const gateway = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      namespace: 'web',
      name: 'edge',
    };
    expect(report).toEqual({
      results: [
        {
          source: `${file}#1`,
          ...gateway,
          allowed: false,
          checked: true,
          denials: [
            {
              rule: 'gateway/listener-conflicts',
              field: 'spec.listeners[1]',
              message:
                'spec.listeners[1]: port 80/TCP cannot be shared with a HTTP listener (ProtocolConflict) [conflicts with listener "a" of Gateway web/edge]',
            },
          ],
          warnings: [],
        },
        { source: `${file}#2`, ...gateway, allowed: true, checked: true, denials: [], warnings: [] },
        { source: `${file}#3`, ...gateway, allowed: true, checked: true, denials: [], warnings: [] },
      ],
      summary: { admitted: 2, denied: 1, warnings: 0, unusable: 0, unchecked: 0 },
    });
    expect(Object.keys(report.results[0] ?? {})).toEqual([
      'source',
      'apiVersion',
      'kind',
      'namespace',
      'name',
      'allowed',
      'checked',
      'denials',
      'warnings',
    ]);
  }, 60_000);

  it('judges every readable file and reports an unusable one in the same JSON, exiting 2', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'acpnet-validate-'));
    try {
      await writeFile(path.join(tmp, 'a-broken.yaml'), 'kind: [\n');
      await writeFile(
        path.join(tmp, 'b-denied.yaml'),
        readFileSync(path.join(repoRoot, 'test/fixtures/review/cli/inputs/conflict.yaml'), 'utf8'),
      );
      await writeFile(
        path.join(tmp, 'c-other.yaml'),
        'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: demo}\n',
      );
      const run = await runCli(['validate', '-o', 'json', tmp]);
      expect(run.code).toBe(2);
      const report = JSON.parse(run.stdout) as {
        results: { source: string; error?: string; allowed?: boolean; checked?: boolean }[];
        summary: Record<string, number>;
      };
      expect(report.summary).toEqual({ admitted: 3, denied: 1, warnings: 0, unusable: 1, unchecked: 1 });
      expect(report.results.find((r) => r.source.includes('a-broken.yaml'))?.error).toMatch(
        /YAML syntax error/,
      );
      expect(report.results.find((r) => r.source.includes('c-other.yaml'))).toMatchObject({
        allowed: true,
        checked: false,
      });
      const text = await runCli(['validate', tmp]);
      expect(text.stdout).toMatch(/a-broken\.yaml:\d+ {2}UNUSABLE {2}YAML syntax error/);
      expect(text.stdout).toMatch(/not checked: acpnet does not know this kind/);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }, 60_000);

  it('says so when the input holds no objects, exiting 2 with an empty report', async () => {
    const run = await runCli(['validate', '-o', 'json', '-'], '# nothing here\n---\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no objects in the input/);
    expect(JSON.parse(run.stdout)).toMatchObject({ results: [], summary: { admitted: 0, unusable: 0 } });
  }, 60_000);

  it('reports schema violations with the field path, as kubectl strict validation does', async () => {
    const run = await runCli([
      'validate',
      '-o',
      'json',
      'test/fixtures/review/cli/inputs/unknown-field.json',
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { results: { denials: unknown[] }[] };
    expect(report.results[0]?.denials).toContainEqual({
      rule: 'schema',
      field: 'spec.listenerz',
      message: 'spec.listenerz: unknown field "spec.listenerz"',
    });
  }, 60_000);
});
