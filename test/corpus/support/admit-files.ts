import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { type Admission, admitInOrder } from '../../../cli/admit-sequence.js';
import { loadManifestsStrict, type Manifest } from '../../../shared/kube/manifests.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { parseCidr } from '../../../shared/net/cidr.js';
import { defaultRuleIndex } from '../../../webhooks/review/default-index.js';
import type { AdmissionSettings } from '../../../webhooks/rules/types.js';

export function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

/** The objects of a YAML file as upstream wrote them (no defaulting, no loader checks). */
export function objectsOf(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).flatMap((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message}`);
    const value = doc.toJS() as KubeObject | null;
    return value ? [value] : [];
  });
}

const settings: AdmissionSettings = {
  serviceCidrs: [parseCidr('10.96.0.0/12')],
  platformNamespace: 'cpaas-system',
  metallbNamespace: 'metallb-system',
  now: () => new Date('2026-01-01T00:00:00Z'),
};

/**
 * Admits the objects of one file in order into an empty store through every rule family, as
 * `acpnet validate FILE` does; `reorder` changes the order they are applied in.
 */
export async function admitFile(
  file: string,
  reorder: (manifests: Manifest[]) => Manifest[] = (m) => m,
): Promise<Admission[]> {
  const rules = defaultRuleIndex();
  const store = new MemoryStore({ now: settings.now });
  rules.registerIndexes(store);
  await store.start(rules.kindsToCache());
  try {
    return await admitInOrder(reorder(await loadManifestsStrict([file])), store, rules, settings);
  } finally {
    await store.stop();
  }
}

/** The deny findings of an admission sequence, one line each: `Kind name: field: message`. */
export function denials(admissions: readonly Admission[]): string[] {
  return admissions.flatMap(({ object, result }) =>
    result.findings
      .filter((f) => f.severity === 'deny')
      .map((f) => `${object.kind} ${object.metadata.name}: ${f.field}: ${f.message}`),
  );
}
