import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { KubeObject } from '../../../../shared/kube/object.js';

/**
 * A fixture file: one valid `base` object and cases that change it. `merge` is deep-merged into the
 * base (objects merge, arrays and scalars replace, null removes the field).
 */
interface FixtureFile {
  base: KubeObject;
  allowed?: { name: string; merge?: unknown }[];
  denied?: { name: string; merge: unknown; path: string; message?: string }[];
}

export interface DeniedCase {
  object: KubeObject;
  path: string;
  message: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return structuredClone(patch);
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = deepMerge(out[key], value);
  }
  return out;
}

export function loadSchemaCases(file: string) {
  const fixture = parse(
    readFileSync(path.resolve(process.cwd(), 'test/fixtures/schemas', file), 'utf8'),
  ) as FixtureFile;
  const build = (merge: unknown) =>
    merge === undefined ? fixture.base : (deepMerge(fixture.base, merge) as KubeObject);
  const allowed: [string, KubeObject][] = [
    ['the base object', fixture.base],
    ...(fixture.allowed ?? []).map((c) => [c.name, build(c.merge)] as [string, KubeObject]),
  ];
  const denied: [string, DeniedCase][] = (fixture.denied ?? []).map((c) => [
    c.name,
    { object: build(c.merge), path: c.path, message: c.message ?? '' },
  ]);
  return { allowed, denied };
}
