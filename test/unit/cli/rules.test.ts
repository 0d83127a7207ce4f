import { describe, expect, it } from '@jest/globals';
import { reasons } from '../../../webhooks/rules/reasons.js';
import { runCli } from './run-cli.js';

interface JsonEntry {
  id: string;
  type: string;
  family: string;
  kinds: string[];
  operations: string[];
  reasons: string[] | null;
  guide: string | null;
}

describe('acpnet rules', () => {
  it('prints every rule and mutator as a table by default', async () => {
    const run = await runCli(['rules']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID +TYPE +FAMILY +KINDS +OPERATIONS +REASONS +GUIDE$/);
    expect(run.stdout).toMatch(
      /\ngateway\/detached-routes +validate +gateway +gateway\.networking\.k8s\.io\/Gateway +UPDATE +\S+/,
    );
    expect(run.stdout).toMatch(/\nkubeovn\/\S+ +mutate +kubeovn +/);
    expect(lines.at(-1)).toMatch(/^\d+ validation rules, \d+ mutators$/);
  }, 60_000);

  it('prints {"rules": [...]} with --output json', async () => {
    const run = await runCli(['rules', '--output', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { rules: JsonEntry[] };
    expect(Object.keys(report)).toEqual(['rules']);
    for (const entry of report.rules) {
      expect(Object.keys(entry)).toEqual(['id', 'type', 'family', 'kinds', 'operations', 'reasons', 'guide']);
      expect(['validate', 'mutate']).toContain(entry.type);
      expect(entry.id.startsWith(`${entry.family}/`)).toBe(true);
      expect(entry.kinds.length).toBeGreaterThan(0);
      for (const reason of entry.reasons ?? []) expect(Object.keys(reasons)).toContain(reason);
    }
    expect(new Set(report.rules.map((e) => e.id)).size).toBe(report.rules.length);
    expect(report.rules.find((e) => e.id === 'gateway/listener-validity')).toMatchObject({
      type: 'validate',
      family: 'gateway',
      kinds: ['gateway.networking.k8s.io/Gateway', 'gateway.networking.k8s.io/ListenerSet'],
      operations: ['CREATE', 'UPDATE'],
    });
    expect(report.rules.find((e) => e.id === 'service/ports')?.kinds).toEqual(['Service']);
    expect(report.rules.filter((e) => e.type === 'mutate').length).toBeGreaterThan(0);
  }, 60_000);

  it.each([
    [['rules', '--verbose'], 'acpnet rules: unknown flag --verbose'],
    [['rules', '--output', 'yaml'], 'acpnet rules: --output must be text, json or markdown, got "yaml"'],
    [['rules', 'gateway'], 'acpnet rules: unexpected argument "gateway"'],
  ])(
    'refuses %j with exit 2, naming the problem',
    async (args, message) => {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain("Run 'acpnet rules --help' for usage.");
    },
    60_000,
  );
});
