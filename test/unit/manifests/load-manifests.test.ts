import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import {
  loadManifests,
  loadManifestsStrict,
  ManifestError,
  parseManifests,
} from '../../../shared/kube/manifests.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/manifests');
const tree = path.join(fixtures, 'tree');
const broken = path.join(fixtures, 'broken');

describe('loadManifests over a directory tree', () => {
  it('reads .yaml/.yml/.json files recursively in path order, documents in file order', async () => {
    const { manifests, errors } = await loadManifests([tree]);
    expect(errors).toEqual([]);
    expect(
      manifests.map((m) => [
        path.relative(tree, m.file),
        m.document,
        m.line,
        m.object.kind,
        m.object.metadata.name,
      ]),
    ).toEqual([
      ['a/gateways.yaml', 1, 3, 'Gateway', 'eg'],
      ['a/gateways.yaml', 3, 19, 'ConfigMap', 'one'],
      ['a/gateways.yaml', 3, 22, 'ConfigMap', 'two'],
      ['b.yml', 1, 1, 'Namespace', 'team-a'],
      ['c.json', 1, 1, 'ConfigMap', 'from-json'],
      ['nested/deeper/route.yaml', 1, 1, 'HTTPRoute', 'r'],
    ]);
    expect(manifests[0]?.source).toBe(`${path.join(tree, 'a/gateways.yaml')}#1`);
  });

  it('skips hidden files and directories such as .acpnet-out, but reads a hidden file named explicitly', async () => {
    const walked = await loadManifests([tree]);
    expect(walked.manifests.map((m) => m.object.metadata.name)).not.toContain('output');
    expect(walked.manifests.map((m) => m.object.metadata.name)).not.toContain('hidden');
    const named = await loadManifests([path.join(tree, '.hidden.yaml')]);
    expect(named.manifests.map((m) => m.object.metadata.name)).toEqual(['hidden']);
  });

  it('reads scalars as kubectl does: yes is a boolean, timestamps and 12:30 stay strings', async () => {
    const { manifests } = await loadManifests([path.join(tree, 'b.yml')]);
    expect(manifests[0]?.object.metadata).toEqual({
      name: 'team-a',
      labels: { enabled: true, mode: 'on' },
      annotations: { created: '2024-01-02T03:04:05Z', window: '12:30' },
    });
  });

  it.each([
    ['on and off are booleans', 'a: on\nb: off', { a: true, b: false }],
    ['a leading zero is octal', 'mode: 0755', { mode: 493 }],
    [
      'merge keys copy a mapping',
      'base: &b { x: 1 }\nuse: { <<: *b, z: 2 }',
      { base: { x: 1 }, use: { x: 1, z: 2 } },
    ],
    ['y is the boolean true, even as a key', 'y: n', { true: false }],
    ['quoted scalars stay strings', 'a: "on"\nb: "0755"', { a: 'on', b: '0755' }],
  ])('YAML 1.1 as kubectl reads it: %s', (_label, data, expected) => {
    const text = `apiVersion: v1\nkind: X\nmetadata: { name: x }\ndata:\n${data.replace(/^/gm, '  ')}\n`;
    const { manifests, errors } = parseManifests(text, 'inline.yaml');
    expect(errors).toEqual([]);
    expect(manifests[0]?.object.data).toEqual(expected);
  });

  it('keeps input order across inputs and reads a file named twice once', async () => {
    const route = path.join(tree, 'nested/deeper/route.yaml');
    const { manifests } = await loadManifests([route, path.join(tree, 'b.yml'), route]);
    expect(manifests.map((m) => m.object.kind)).toEqual(['HTTPRoute', 'Namespace']);
  });

  it('reads stdin for -', async () => {
    const stdin = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: piped\n';
    const { manifests, errors } = await loadManifests(['-'], { stdin });
    expect(errors).toEqual([]);
    expect(manifests.map((m) => m.source)).toEqual(['<stdin>#1']);
    const missing = await loadManifests(['-']);
    expect(missing.errors.map((e) => e.message)).toEqual(['<stdin>: no standard input was given']);
  });

  it('yields nothing for an empty file', () => {
    expect(parseManifests('', 'empty.yaml')).toEqual({ manifests: [], errors: [] });
    expect(parseManifests('---\n# only a comment\n---\n', 'comments.yaml')).toEqual({
      manifests: [],
      errors: [],
    });
  });
});

interface BrokenCase {
  file: string;
  line: number;
  message: string;
}

const brokenCases = parse(readFileSync(path.join(fixtures, 'broken-cases.yaml'), 'utf8')) as BrokenCase[];

describe('loadManifests on broken input', () => {
  it.each(brokenCases.map((c) => [c.file, c] as const))('%s', async (_file, testCase) => {
    const file = path.join(broken, testCase.file);
    const { errors } = await loadManifests([file]);
    expect(errors).toHaveLength(1);
    const [error] = errors;
    expect(error).toBeInstanceOf(ManifestError);
    expect(error?.file).toBe(file);
    expect(error?.line).toBe(testCase.line);
    expect(error?.message.startsWith(`${file}:${testCase.line}`)).toBe(true);
    expect(error?.message).toMatch(new RegExp(testCase.message));
  });

  it('keeps the good objects of a file next to its bad ones', async () => {
    const { manifests } = await loadManifests([
      path.join(broken, 'missing-kind.yaml'),
      path.join(broken, 'list-item.yaml'),
    ]);
    expect(manifests.map((m) => m.object.metadata.name)).toEqual(['fine', 'ok']);
  });

  it('names a syntax error by line and column', async () => {
    const { errors } = await loadManifests([path.join(broken, 'syntax.yaml')]);
    expect(errors[0]?.column).toBeGreaterThan(0);
  });

  it('collects every broken file of a directory, in path order', async () => {
    const { errors } = await loadManifests([broken]);
    expect(errors.map((e) => path.basename(e.file))).toEqual(brokenCases.map((c) => c.file).sort());
  });

  it('rejects with the first error in strict mode', async () => {
    await expect(loadManifestsStrict([path.join(broken, 'scalar.yaml')])).rejects.toBeInstanceOf(
      ManifestError,
    );
  });
});

describe('loadManifests on unreadable paths', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'acpnet-manifests-'));
    await mkdir(path.join(dir, 'locked'));
    await writeFile(path.join(dir, 'locked', 'x.yaml'), 'apiVersion: v1\n');
    await writeFile(path.join(dir, 'secret.yaml'), 'apiVersion: v1\n');
    await chmod(path.join(dir, 'secret.yaml'), 0o000);
  });
  afterAll(async () => {
    await chmod(path.join(dir, 'secret.yaml'), 0o644);
    await rm(dir, { recursive: true, force: true });
  });

  it('names a missing input', async () => {
    const missing = path.join(dir, 'missing.yaml');
    const { errors, manifests } = await loadManifests([missing]);
    expect(manifests).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([`${missing}: cannot read: no such file or directory`]);
  });

  it('names a file it may not read', async () => {
    const secret = path.join(dir, 'secret.yaml');
    const { errors } = await loadManifests([secret]);
    // root may read anything; then the file is read and its object is found incomplete instead.
    expect(errors).toHaveLength(1);
    expect(errors[0]?.file).toBe(secret);
  });
});
