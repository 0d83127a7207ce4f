import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadManifests, parseManifests } from '../../../shared/kube/manifests.js';
import { NESTING_LIMIT } from '../../../shared/kube/nesting.js';

describe('large input', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'acpnet-large-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file of 200,000 documents, every one of them', async () => {
    const file = path.join(dir, 'many.yaml');
    const documents = Array.from(
      { length: 200_000 },
      (_, i) => `{apiVersion: v1, kind: X, metadata: {name: n${i}}}`,
    );
    await writeFile(file, documents.join('\n---\n'));
    const { manifests, errors } = await loadManifests([file]);
    expect(errors).toEqual([]);
    expect(manifests).toHaveLength(200_000);
    expect(manifests.at(-1)?.object.metadata.name).toBe('n199999');
    expect(manifests.at(-1)?.line).toBe(399_999);
  }, 120_000);

  it('reports every error of a file of 200,000 broken documents', async () => {
    const file = path.join(dir, 'broken.yaml');
    await writeFile(file, Array.from({ length: 200_000 }, () => '{apiVersion: v1}').join('\n---\n'));
    const { errors } = await loadManifests([file]);
    expect(errors).toHaveLength(200_000);
  }, 120_000);
});

describe('nesting deeper than the reader takes', () => {
  const flow = (levels: number) =>
    `apiVersion: v1\nkind: X\nmetadata: {name: x}\ndata: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
  const block = (levels: number) =>
    `apiVersion: v1\nkind: X\nmetadata: {name: x}\n${Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k:\n`).join('')}${' '.repeat(levels)}v: 1\n`;

  it.each([
    ['flow', flow, 4],
    ['block', block, 4 + NESTING_LIMIT],
  ])('refuses a %s-style document nested past the limit, naming file and line', (_style, make, line) => {
    for (const levels of [NESTING_LIMIT + 1, 900, 5000]) {
      const { manifests, errors } = parseManifests(make(levels), 'deep.yaml');
      expect(manifests).toEqual([]);
      expect(errors.map((e) => e.message)).toEqual([
        `deep.yaml:${line}: nested too deeply (limit ${NESTING_LIMIT} levels)`,
      ]);
    }
  });

  it.each([
    ['flow', flow],
    ['block', block],
  ])('reads a %s-style document nested up to the limit', (_style, make) => {
    const { manifests, errors } = parseManifests(make(NESTING_LIMIT - 1), 'deep.yaml');
    expect(errors).toEqual([]);
    expect(manifests).toHaveLength(1);
  });
});

describe('nesting made by aliases', () => {
  /** An anchor nested `levels` deep, aliased inside a list nested `levels` deep: twice the text's depth. */
  const doubled = (levels: number) =>
    `apiVersion: v1\nkind: X\nmetadata: {name: x}\ninner: &inner ${'['.repeat(levels)}${']'.repeat(levels)}\nouter: ${'['.repeat(levels)}*inner${']'.repeat(levels)}\n`;
  /** Anchors each nested 500 deep around the one before, `links` of them: 500 × links levels. */
  const chained = (links: number) =>
    `apiVersion: v1\nkind: X\nmetadata: {name: x}\n${Array.from({ length: links }, (_, i) => `l${i}: &l${i} ${'['.repeat(500)}${i === 0 ? 'end' : `*l${i - 1}`}${']'.repeat(500)}`).join('\n')}\n`;

  it('refuses a document that aliases nest past the limit, though its text is not', () => {
    const { manifests, errors } = parseManifests(doubled(300), 'aliased.yaml');
    expect(manifests).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      `aliased.yaml:1: document 1: nested too deeply (limit ${NESTING_LIMIT} levels)`,
    ]);
  });

  it('says the nesting limit, not the call stack, when aliases nest beyond what the reader can recurse', () => {
    const { errors } = parseManifests(chained(10), 'chained.yaml');
    expect(errors.map((e) => e.message)).toEqual([
      `chained.yaml:1: document 1: nested too deeply (limit ${NESTING_LIMIT} levels)`,
    ]);
  });

  it('reads aliases that stay within the limit', () => {
    const { manifests, errors } = parseManifests(doubled(200), 'aliased.yaml');
    expect(errors).toEqual([]);
    expect(manifests).toHaveLength(1);
  });
});
