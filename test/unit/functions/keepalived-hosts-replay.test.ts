/**
 * keepalived-hosts through `acpnet replay` (test/fixtures/functions/keepalived-hosts/replay): a
 * keepalived ConfigMap, a node going NotReady, a Pod started on another node, one deleted, and a
 * ConfigMap whose template does not parse. Replayed twice the written state is the same bytes, and
 * replayed onto its own result the log changes nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { runInProcess } from '../../support/cli-in-process.js';
import { fixtureDir } from './harness.js';

const replayDir = path.join(fixtureDir, 'keepalived-hosts/replay');
const events = path.join(replayDir, 'events.jsonl');
const state = path.join(replayDir, 'state');
const work = mkdtempSync(path.join(os.tmpdir(), 'replay-keepalived-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const replay = (...args: string[]) =>
  runInProcess([
    'replay',
    '--log-level',
    'silent',
    '--functions',
    'keepalived-hosts',
    '--from',
    events,
    ...args,
  ]);

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

function sameTree(a: string, b: string): void {
  expect(files(b)).toEqual(files(a));
  for (const f of files(a))
    expect(readFileSync(path.join(b, f), 'utf8')).toBe(readFileSync(path.join(a, f), 'utf8'));
}

describe('acpnet replay --functions keepalived-hosts', () => {
  const first = path.join(work, 'first');

  it('renders alive.yaml from what the log leaves and reports the broken template', async () => {
    const result = await replay('--state', state, '--write-state', first, '--output', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { effects: { op: string; kind: string; name: string }[] };
    expect(report.effects.map((e) => `${e.op} ${e.kind} ${e.name}`)).toEqual([
      'apply ConfigMap lb-hosts',
      'apply ConfigMap lb-hosts',
      'apply ConfigMap lb-hosts',
      'apply ConfigMap lb-hosts',
      expect.stringMatching(/^apply Event broken\.[0-9a-f]{16}$/),
    ]);
    const configMap = parse(readFileSync(path.join(first, 'cpaas-system/ConfigMap-lb-hosts.yaml'), 'utf8'));
    const alive = parse(configMap.data['alive.yaml']);
    expect(alive.instances[0].vip.ipvs.ips).toEqual(['192.168.129.100']);
    const event = files(first).find((f) => f.startsWith('cpaas-system/Event-broken.'));
    expect(parse(readFileSync(path.join(first, event ?? ''), 'utf8'))).toMatchObject({
      type: 'Warning',
      reason: 'InvalidKeepalivedTemplate',
      involvedObject: { kind: 'ConfigMap', name: 'broken', uid: 'broken-uid' },
      firstTimestamp: '2026-01-01T00:00:05Z',
    });
  });

  it('writes the same bytes when replayed again', async () => {
    const second = path.join(work, 'second');
    expect((await replay('--state', state, '--write-state', second)).code).toBe(0);
    sameTree(first, second);
  });

  it('changes nothing when replayed onto its own result', async () => {
    const again = path.join(work, 'again');
    const result = await replay('--state', first, '--write-state', again, '--output', 'json');
    expect(JSON.parse(result.stdout)).toMatchObject({ effects: [], errors: [] });
    sameTree(first, again);
  });
});
