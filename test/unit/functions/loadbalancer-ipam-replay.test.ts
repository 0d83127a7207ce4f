/**
 * `acpnet replay` of a log of Service and IPAddressPool changes through loadbalancer-ipam
 * (test/fixtures/functions/loadbalancer-ipam/replay): twice, byte-identical --write-state; onto its
 * own result, no effect at all.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { runInProcess } from '../../support/cli-in-process.js';
import { fixtureDir } from './harness.js';

const dir = path.join(fixtureDir, 'loadbalancer-ipam/replay');
const events = path.join(dir, 'events.jsonl');
const state = path.join(dir, 'state');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'lb-replay-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function replay(
  from: string,
  writeState: string,
): Promise<{ code: number; report: Record<string, unknown> }> {
  const args = ['replay', '--log-level', 'silent', '--from', events, '--state', from, '--output', 'json'];
  const result = await runInProcess([
    ...args,
    '--functions',
    'loadbalancer-ipam',
    '--write-state',
    writeState,
  ]);
  return { code: result.code, report: JSON.parse(result.stdout) };
}

function files(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

function ingressOf(root: string, service: string): unknown {
  const written = parse(readFileSync(path.join(root, 'demo', `Service-${service}.yaml`), 'utf8'));
  return written.status?.loadBalancer?.ingress;
}

describe('acpnet replay through loadbalancer-ipam', () => {
  const [a, b, again] = ['a', 'b', 'again'].map((name) => path.join(scratch, name)) as [
    string,
    string,
    string,
  ];

  it('assigns the addresses the log calls for', async () => {
    const { code, report } = await replay(state, a);
    expect(code).toBe(0);
    expect(report['errors']).toEqual([]);
    expect(ingressOf(a, 'api-udp')).toEqual([{ ip: '192.0.2.1' }]);
    expect(ingressOf(a, 'both')).toEqual([{ ip: '192.0.2.2' }, { ip: '2001:db8::' }]);
    expect(ingressOf(a, 'web')).toEqual([{ ip: '198.51.100.10' }]);
    expect(ingressOf(a, 'late')).toEqual([{ ip: '192.0.2.3' }]);
    expect(files(a).filter((f) => f.startsWith('_cluster/IPAddress-'))).toHaveLength(5);
  });

  it('writes byte-identical state when replayed twice', async () => {
    expect((await replay(state, b)).code).toBe(0);
    expect(files(b)).toEqual(files(a));
    for (const file of files(a)) {
      expect(readFileSync(path.join(b, file), 'utf8')).toBe(readFileSync(path.join(a, file), 'utf8'));
    }
  });

  it('makes no effect when replayed onto its own result', async () => {
    const { code, report } = await replay(a, again);
    expect(code).toBe(0);
    expect(report['effects']).toEqual([]);
    expect(files(again)).toEqual(files(a));
  });
});
