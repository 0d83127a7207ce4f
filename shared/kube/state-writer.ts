import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document } from 'yaml';
import { compareStrings } from './json-value.js';
import { STABLE_YAML_OUTPUT } from './manifests/yaml-dialect.js';
import { loadManifestsStrict } from './manifests.js';
import type { GroupKind, KubeObject } from './object.js';
import { groupOf } from './object.js';

/** What writeState reads: both stores offer it. */
export interface StateSource {
  kinds(): readonly GroupKind[];
  list(kind: GroupKind): readonly KubeObject[];
}

export const CLUSTER_SCOPE_DIR = '_cluster';

/** YAML text of one object with keys sorted at every level, so equal objects give equal bytes. */
export function stableYaml(obj: KubeObject): string {
  return new Document(obj, STABLE_YAML_OUTPUT).toString(STABLE_YAML_OUTPUT);
}

/**
 * Relative file of each object: `<namespace or _cluster>/<kind>-<name>.yaml`. When two kinds of
 * one name from different groups would share a file, their files carry the group too
 * (`<kind>.<group>-<name>.yaml`).
 */
export function stateFiles(objects: Iterable<KubeObject>): Map<string, KubeObject> {
  const byPlainName = new Map<string, KubeObject[]>();
  for (const obj of objects) {
    const dir = obj.metadata.namespace || CLUSTER_SCOPE_DIR;
    const file = path.posix.join(dir, `${obj.kind}-${obj.metadata.name}.yaml`);
    const group = byPlainName.get(file);
    if (group) group.push(obj);
    else byPlainName.set(file, [obj]);
  }
  const files = new Map<string, KubeObject>();
  for (const [file, sharing] of byPlainName) {
    if (sharing.length === 1) {
      files.set(file, sharing[0]!);
      continue;
    }
    for (const obj of sharing) {
      const dir = obj.metadata.namespace || CLUSTER_SCOPE_DIR;
      const group = groupOf(obj.apiVersion) || 'core';
      files.set(path.posix.join(dir, `${obj.kind}.${group}-${obj.metadata.name}.yaml`), obj);
    }
  }
  return new Map([...files].sort(([a], [b]) => compareStrings(a, b)));
}

/** Removes .yaml files of an earlier run that this run did not write, and directories left empty. */
async function removeStale(dir: string, written: ReadonlySet<string>): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sub = path.join(dir, entry.name);
    const files = await readdir(sub, { withFileTypes: true });
    let remaining = files.length;
    for (const file of files) {
      const relative = path.posix.join(entry.name, file.name);
      if (file.isFile() && file.name.endsWith('.yaml') && !written.has(relative)) {
        await rm(path.join(sub, file.name));
        remaining--;
      }
    }
    if (remaining === 0) await rmdir(sub);
  }
}

/**
 * Writes every object of `source` under `dir` as `<namespace or _cluster>/<kind>-<name>.yaml` with
 * stable key order, so two runs compare with `diff -r`. Object files of an earlier run that are no
 * longer in the store are removed; other files in `dir` are left alone.
 */
export async function writeState(source: StateSource, dir: string): Promise<{ files: number }> {
  const objects: KubeObject[] = [];
  for (const kind of source.kinds()) {
    for (const obj of source.list(kind)) objects.push(obj);
  }
  const files = stateFiles(objects);
  await mkdir(dir, { recursive: true });
  for (const [relative, obj] of files) {
    const target = path.join(dir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, stableYaml(obj));
  }
  await removeStale(dir, new Set(files.keys()));
  return { files: files.size };
}

/** Reads a state directory (as writeState leaves it, or any manifests) back into objects. */
export async function loadStateDir(dir: string): Promise<KubeObject[]> {
  const manifests = await loadManifestsStrict([dir]);
  return manifests.map((manifest) => manifest.object);
}
