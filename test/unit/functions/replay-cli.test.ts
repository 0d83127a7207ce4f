import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CliIO } from '../../../cli/io.js';
import { run } from '../../../cli/main.js';
import { buildChangeEvent, type ChangeType } from '../../../shared/events/apiserver.js';
import type { KubeObject } from '../../../shared/kube/object.js';
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
  it('prints the JSON report: the log compacted per object, so only the deciding event is replayed', async () => {
    const result = await replay(['--from', events, '--state', state, '--output', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['events', 'skipped', 'effects', 'errors']);
    // e1 (rv 10) is superseded by e2 (rv 11); the repeat of e2 and the older e0 (rv 9) decide nothing.
    expect(report.events).toBe(4);
    expect(report.skipped).toBe(3);
    expect(report.errors).toEqual([]);
    expect(report.effects.map((e: { op: string; kind: string }) => `${e.op} ${e.kind}`)).toEqual([
      'apply Frontend',
      'apply Rule',
      'patch Ingress',
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

  it('replayed onto its own result, the log changes nothing', async () => {
    const first = mkdtempSync(path.join(os.tmpdir(), 'replay-first-'));
    const second = mkdtempSync(path.join(os.tmpdir(), 'replay-second-'));
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
    expect(JSON.parse(again.stdout).effects).toEqual([]);
    expect(listFiles(second)).toEqual(listFiles(first));
    for (const f of listFiles(first))
      expect(readFileSync(path.join(second, f), 'utf8')).toBe(readFileSync(path.join(first, f), 'utf8'));
    for (const dir of [first, second]) rmSync(dir, { recursive: true, force: true });
  });

  it('an Ingress added and deleted in the log leaves nothing, and its re-replay makes no effects', async () => {
    const lines = readFileSync(events, 'utf8')
      .split('\n')
      .filter((line) => line.trim());
    const added = JSON.parse(lines[0]!);
    const deleted = { ...added, id: 'e9', type: 'dev.knative.apiserver.resource.delete' };
    deleted.data = { ...added.data, metadata: { ...added.data.metadata, resourceVersion: '12' } };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'replay-deleted-'));
    const log = path.join(dir, 'log.jsonl');
    writeFileSync(log, `${JSON.stringify(added)}\n${JSON.stringify(deleted)}\n`);
    const out = path.join(dir, 'out');
    const first = await replay(['--from', log, '--state', state, '--write-state', out, '--output', 'json']);
    expect(JSON.parse(first.stdout).effects).toEqual([]);
    const again = await replay(['--from', log, '--state', out, '--output', 'json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ events: 2, skipped: 1, effects: [], errors: [] });
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the tombstone of a delete: replayed twice, byte-identical state; a redelivered add onto it is skipped', async () => {
    const lines = readFileSync(events, 'utf8')
      .split('\n')
      .filter((line) => line.trim());
    const added = JSON.parse(lines[0]!);
    const deleted = {
      ...added,
      id: 'e9',
      type: 'dev.knative.apiserver.resource.delete',
      time: '2026-01-01T00:00:09Z',
    };
    deleted.data = { ...added.data, metadata: { ...added.data.metadata, resourceVersion: '12' } };
    const dir = mkdtempSync(path.join(os.tmpdir(), 'replay-tombstones-'));
    const log = path.join(dir, 'log.jsonl');
    writeFileSync(log, `${JSON.stringify(added)}\n${JSON.stringify(deleted)}\n`);
    const [a, b] = [path.join(dir, 'a'), path.join(dir, 'b')];
    // One function: its tombstones are `acpnet-tombstones-ingress-sync` (all functions: every name, joined).
    const only = ['--functions', 'ingress-sync'];
    expect((await replay(['--from', log, '--state', state, '--write-state', a, ...only])).code).toBe(0);
    expect((await replay(['--from', log, '--state', state, '--write-state', b, ...only])).code).toBe(0);
    const tombstones = 'acpnet/ConfigMap-acpnet-tombstones-ingress-sync.yaml';
    expect(listFiles(a)).toContain(tombstones);
    expect(listFiles(b)).toEqual(listFiles(a));
    for (const f of listFiles(a))
      expect(readFileSync(path.join(b, f), 'utf8')).toBe(readFileSync(path.join(a, f), 'utf8'));
    expect(readFileSync(path.join(a, tombstones), 'utf8')).toContain(
      'ing-shop: networking.k8s.io/Ingress demo/shop 12 2026-01-01T00:00:09Z',
    );

    // The add delivered again, after a restart, onto what the delete left: nothing comes back.
    const redelivered = path.join(dir, 'redelivered.jsonl');
    writeFileSync(redelivered, `${JSON.stringify(added)}\n`);
    const c = path.join(dir, 'c');
    const again = await replay([
      '--from',
      redelivered,
      '--state',
      a,
      '--write-state',
      c,
      '--output',
      'json',
      ...only,
    ]);
    expect(JSON.parse(again.stdout)).toEqual({ events: 1, skipped: 1, effects: [], errors: [] });
    expect(listFiles(c)).toEqual(listFiles(a));
    expect(listFiles(c).filter((f) => f.includes('Rule-'))).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
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

describe('acpnet replay of a log whose inputs come after their Ingresses', () => {
  const at = (second: number) => `2026-01-01T00:01:${String(second).padStart(2, '0')}Z`;
  const backend = (service: string, port: Record<string, unknown>) => ({
    service: { name: service, port },
  });
  const objects: [ChangeType, KubeObject][] = [
    [
      'add',
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'api', namespace: 'demo', uid: 'ing-api', resourceVersion: '20' },
        spec: {
          ingressClassName: 'alb-demo',
          rules: [
            {
              http: {
                paths: [{ path: '/api', pathType: 'Prefix', backend: backend('api', { name: 'http' }) }],
              },
            },
          ],
        },
      },
    ],
    [
      'add',
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'lobby', namespace: 'loose', uid: 'ing-lobby', resourceVersion: '21' },
        spec: {
          ingressClassName: 'alb-demo',
          rules: [
            { http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('web', { number: 80 }) }] } },
          ],
        },
      },
    ],
    [
      'add',
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'api', namespace: 'demo', uid: 'svc-api', resourceVersion: '22' },
        spec: { ports: [{ name: 'http', port: 8081 }] },
      },
    ],
    [
      'update',
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: 'loose',
          uid: 'ns-loose',
          resourceVersion: '23',
          labels: { 'cpaas.io/project': 'demo' },
        },
      },
    ],
    [
      'update',
      {
        apiVersion: 'crd.alauda.io/v2beta1',
        kind: 'ALB2',
        metadata: {
          name: 'alb-demo',
          namespace: 'cpaas-system',
          uid: '00000000-0000-0000-0000-00000000a1b0',
          resourceVersion: '24',
        },
        spec: { address: '192.168.66.215', type: 'nginx', config: { projects: ['demo'] } },
      },
    ],
  ];

  let dir: string;
  let log: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'replay-inputs-'));
    log = path.join(dir, 'inputs.jsonl');
    const lines = objects.map(([type, object], i) =>
      JSON.stringify(
        buildChangeEvent(type, object, { source: 'https://kubernetes.default.svc', time: at(i) }),
      ),
    );
    writeFileSync(log, `${lines.join('\n')}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the Ingresses their Rules once their Service and namespace label arrive, and the ALB its IngressClass', async () => {
    const out = path.join(dir, 'once');
    const result = await replay(['--from', log, '--state', state, '--write-state', out, '--output', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ events: 5, skipped: 0, errors: [] });
    expect(report.effects).toContainEqual(
      expect.objectContaining({ op: 'apply', kind: 'IngressClass', namespace: '', name: 'alb-demo' }),
    );
    const rules = listFiles(out)
      .filter((f) => f.startsWith('cpaas-system/Rule-alb-demo-'))
      .map((f) => readFileSync(path.join(out, f), 'utf8'));
    expect(rules.some((r) => r.includes('source-name: api') && r.includes('port: 8081'))).toBe(true);
    expect(rules.some((r) => r.includes('source-name: lobby') && r.includes('cpaas.io/project: demo'))).toBe(
      true,
    );
    const ingressClass = readFileSync(path.join(out, '_cluster/IngressClass-alb-demo.yaml'), 'utf8');
    expect(ingressClass).toContain('controller: cpaas.io/alb2');
    expect(ingressClass).toContain('uid: 00000000-0000-0000-0000-00000000a1b0');
  });

  it('writes the same state twice', async () => {
    const [a, b] = [path.join(dir, 'a'), path.join(dir, 'b')];
    expect((await replay(['--from', log, '--state', state, '--write-state', a])).code).toBe(0);
    expect((await replay(['--from', log, '--state', state, '--write-state', b])).code).toBe(0);
    expect(listFiles(a)).toEqual(listFiles(b));
    for (const f of listFiles(a))
      expect(readFileSync(path.join(b, f), 'utf8')).toBe(readFileSync(path.join(a, f), 'utf8'));
  });

  it('replayed onto its own result, changes nothing', async () => {
    const [first, second] = [path.join(dir, 'first'), path.join(dir, 'second')];
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
    expect(JSON.parse(again.stdout)).toMatchObject({ effects: [], errors: [] });
    expect(listFiles(second)).toEqual(listFiles(first));
    for (const f of listFiles(first))
      expect(readFileSync(path.join(second, f), 'utf8')).toBe(readFileSync(path.join(first, f), 'utf8'));
  });
});
