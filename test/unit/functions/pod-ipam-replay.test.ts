/**
 * `acpnet replay` of pod-ipam (test/fixtures/functions/pod-ipam/replay): Pods of every kind of
 * request, a deleted one, a conflict and a VpcEgressGateway. Two replays write the same bytes; a
 * replay onto its own result changes nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { runInProcess } from '../../support/cli-in-process.js';
import { fixtureDir } from './harness.js';

const events = path.join(fixtureDir, 'pod-ipam/replay/events.jsonl');
const state = path.join(fixtureDir, 'pod-ipam/replay/state');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'pod-ipam-replay-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

async function replay(
  from: string,
  out: string,
): Promise<{ effects: { op: string; kind: string }[]; errors: unknown[] }> {
  const result = await runInProcess([
    'replay',
    '--from',
    events,
    '--state',
    from,
    '--functions',
    'pod-ipam',
    '--write-state',
    out,
    '--output',
    'json',
    '--log-level',
    'silent',
  ]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('pod-ipam replay', () => {
  it('writes byte-identical state twice, and a replay onto its own result makes no effect', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((name) => path.join(scratch, name)) as [string, string, string];
    const first = await replay(state, a);
    expect(first.errors).toEqual([]);
    expect(first.effects.filter((e) => e.kind === 'IPClaim')).toHaveLength(13);
    await replay(state, b);
    expect(files(b)).toEqual(files(a));
    for (const f of files(a))
      expect(readFileSync(path.join(b, f), 'utf8')).toBe(readFileSync(path.join(a, f), 'utf8'));

    const again = await replay(a, c);
    expect(again).toEqual({ events: 11, skipped: 1, effects: [], errors: [] });
    expect(files(c)).toEqual(files(a));
    for (const f of files(a))
      expect(readFileSync(path.join(c, f), 'utf8')).toBe(readFileSync(path.join(a, f), 'utf8'));
  });

  it('gives each NIC its own address, keeps the conflict as a Warning, and the deleted Pod holds nothing', async () => {
    const out = path.join(scratch, 'check');
    await replay(state, out);
    const read = (file: string) => parse(readFileSync(path.join(out, file), 'utf8'));
    const claims = files(out)
      .filter((f) => f.startsWith('_cluster/IPClaim-'))
      .map((f) => read(f).spec);
    const keys = claims.map((c: { scope: string; address: string }) => `${c.scope} ${c.address}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(claims.map((c: { owner: string }) => c.owner)).not.toContain('web-1.demo');
    expect(read('demo/Pod-web-3.yaml').metadata.annotations['ovn.kubernetes.io/ip_address']).toBe(
      '10.16.0.13',
    );
    expect(read('dual/Pod-d.yaml').metadata.annotations['ovn.kubernetes.io/ip_address']).toBe(
      '10.30.0.2,fd00:30::2',
    );
    const warning = files(out).find((f) => f.startsWith('demo/Event-conflict.'));
    expect(warning && read(warning)).toMatchObject({
      type: 'Warning',
      reason: 'AddressConflict',
      message: '10.16.0.50 is held by Pod demo/fixed',
      involvedObject: { kind: 'Pod', namespace: 'demo', name: 'conflict', uid: 'pod-demo-conflict' },
    });
    expect(read('demo/VpcEgressGateway-gw.yaml').spec).toMatchObject({
      internalIPs: ['10.16.0.14', '10.16.0.15'],
      externalIPs: ['172.170.0.3', '172.170.0.4'],
    });
    expect(read('_cluster/Subnet-ovn-default.yaml').status).toMatchObject({
      v4usingIPs: 8,
      v4usingIPrange: '10.16.0.10-10.16.0.15,10.16.0.50,10.16.0.200',
    });
  });
});
