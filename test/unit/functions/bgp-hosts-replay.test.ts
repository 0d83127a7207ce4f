/**
 * bgp-hosts through `acpnet replay`: the events of the mapping table's label-change case as a
 * recorded log over its state. Two runs write the same bytes, a replay onto its own result changes
 * nothing, and broken input is reported by line and field without stopping the other events.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import { buildChangeEvent } from '../../../shared/events/apiserver.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { runInProcess } from '../../support/cli-in-process.js';
import { expectSameTree, listFiles } from '../../support/file-trees.js';
import { type EventSpec, readYaml } from './harness.js';

const replay = (args: string[]) =>
  runInProcess(['replay', '--log-level', 'silent', '--functions', 'bgp-hosts', ...args]);

const work = mkdtempSync(path.join(os.tmpdir(), 'bgp-hosts-replay-'));
const state = path.join(work, 'state');
const log = path.join(work, 'events.jsonl');
const labelChange = readYaml<{ name: string; events: EventSpec[] }[]>('bgp-hosts/cases.yaml').find((c) =>
  c.name.startsWith('a node label change'),
);
if (!labelChange) throw new Error('bgp-hosts/cases.yaml: the node label change case is missing');

const lines = labelChange.events.map((event, i) =>
  JSON.stringify(
    buildChangeEvent(event.type, event.object, {
      source: 'https://kubernetes.default.svc',
      id: `e${i}`,
      time: `2026-01-01T00:00:0${i}Z`,
    }),
  ),
);
writeFileSync(log, `${lines.join('\n')}\n`);
mkdirSync(state);
// A state directory holds one object per document.
const objects = readYaml<KubeObject[]>('bgp-hosts/state.yaml');
writeFileSync(path.join(state, 'state.yaml'), objects.map((o) => stringify(o)).join('---\n'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('bgp-hosts replay', () => {
  it('writes the same state twice', async () => {
    const [a, b] = [path.join(work, 'a'), path.join(work, 'b')];
    const first = await replay(['--from', log, '--state', state, '--write-state', a, '--output', 'json']);
    expect(first.code).toBe(0);
    expect((await replay(['--from', log, '--state', state, '--write-state', b])).code).toBe(0);
    expectSameTree(a, b);
    const kinds = JSON.parse(first.stdout).effects.map(
      (e: { op: string; kind: string }) => `${e.op} ${e.kind}`,
    );
    expect(kinds).toEqual(
      expect.arrayContaining(['apply Node', 'patch DaemonSet', 'apply Event', 'apply BGPAdvertisement']),
    );
    const warning = listFiles(a).filter((f) => f.startsWith('metallb-system/Event-edge.'));
    expect(warning).toHaveLength(2);
    expect(warning.map((f) => readFileSync(path.join(a, f), 'utf8')).join('\n')).toContain(
      'reason: NoAnnouncingNodes',
    );
  });

  it('replayed onto its own result, the log changes nothing', async () => {
    const [first, second] = [path.join(work, 'first'), path.join(work, 'second')];
    expect((await replay(['--from', log, '--state', state, '--write-state', first])).code).toBe(0);
    const again = await replay([
      '--from',
      log,
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

  it('reports a line that is no event and an object that does not conform, and processes the rest', async () => {
    const broken = path.join(work, 'broken.jsonl');
    const bad = JSON.parse(lines[0]!);
    bad.id = 'bad-peer';
    bad.name = 'broken';
    bad.subject = bad.subject.replace('/tor', '/broken');
    bad.data.metadata = { ...bad.data.metadata, name: 'broken', uid: 'peer-broken' };
    bad.data.spec.myASN = 'sixty-five thousand';
    writeFileSync(broken, `${lines[0]}\n{not json\n${JSON.stringify(bad)}\n${lines[1]}\n`);
    const result = await replay(['--from', broken, '--state', state, '--output', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.errors).toEqual([
      { event: expect.stringContaining(':2'), message: expect.any(String) },
      { event: 'bad-peer', message: expect.stringContaining('spec.myASN') },
    ]);
    expect(report.effects.map((e: { kind: string }) => e.kind)).toContain('BGPAdvertisement');
  });
});
