/**
 * route-migration through `acpnet replay`: a log of Route, Service and Gateway events replayed twice
 * writes byte-identical state, and replayed onto its own result changes nothing.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { stringify } from 'yaml';
import type { KubeObject } from '../../../shared/kube/object.js';
import { runInProcess } from '../../support/cli-in-process.js';
import { expectSameTree, listFiles } from '../../support/file-trees.js';
import { cloudEvent, type EventSpec, readYaml } from './harness.js';

const replay = (args: string[]) =>
  runInProcess(['replay', '--log-level', 'silent', '--functions', 'route-migration', ...args]);

// Each test replays the log twice through the CLI, in process; a loaded machine needs longer than 5 s.
jest.setTimeout(60_000);

const dir = mkdtempSync(path.join(os.tmpdir(), 'route-migration-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every event of the unit cases, one after the other, each case's objects renamed apart. */
function log(): string {
  const cases = readYaml<{ name: string; events: EventSpec[] }[]>('route-migration/cases.yaml');
  const events = cases.flatMap((c, i) =>
    c.events.map((e) => {
      const object = structuredClone(e.object);
      if (object.kind === 'Route') {
        object.metadata.name = `${object.metadata.name}-${i}`;
        object.metadata.uid = `${object.metadata.uid}-${i}`;
        const spec = object.spec as { host?: string };
        if (spec.host) spec.host = `c${i}-${spec.host}`;
      }
      return { ...e, object };
    }),
  );
  return events.map((e, i) => JSON.stringify(cloudEvent(e, i))).join('\n');
}

describe('acpnet replay --functions route-migration', () => {
  const state = path.join(dir, 'state');
  const events = path.join(dir, 'events.jsonl');
  writeFileSync(events, `${log()}\n`);
  const objects = readYaml<KubeObject[]>('route-migration/state.yaml');
  mkdirSync(state, { recursive: true });
  writeFileSync(path.join(state, 'cluster.yaml'), objects.map((o) => `---\n${stringify(o)}`).join(''));

  it('replayed twice, writes the same state', async () => {
    const [a, b] = [path.join(dir, 'a'), path.join(dir, 'b')];
    const first = await replay(['--from', events, '--state', state, '--write-state', a, '--output', 'json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as { effects: { kind: string }[]; errors: unknown[] };
    expect(report.errors).toEqual([]);
    // Compacted, the log decides each object by its last event: what the last states of the Routes make.
    expect(new Set(report.effects.map((e) => e.kind))).toEqual(
      new Set(['HTTPRoute', 'Route', 'ClientTrafficPolicy', 'SecurityPolicy', 'BackendTrafficPolicy']),
    );
    expect((await replay(['--from', events, '--state', state, '--write-state', b])).code).toBe(0);
    expectSameTree(a, b);
    expect(listFiles(a).filter((f) => f.startsWith('demo/HTTPRoute-'))).not.toEqual([]);
  });

  it('replayed onto its own result, changes nothing', async () => {
    const [first, second] = [path.join(dir, 'first'), path.join(dir, 'second')];
    expect((await replay(['--from', events, '--state', state, '--write-state', first])).code).toBe(0);
    const again = await replay([
      '--from',
      events,
      '--state',
      first,
      '--write-state',
      second,
      '--output',
      'json',
    ]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).effects).toEqual([]);
    expectSameTree(first, second);
  });
});
