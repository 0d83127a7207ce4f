import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../shared/kube/object.js';
import { validateSchema } from '../../shared/kube/registry.js';

/**
 * Every manifest of the Gateway API v1.6.1 invalid-examples corpus is rejected by upstream's CRD schema and
 * CEL rules; each must produce at least one schema issue here. None needs a cross-object rule.
 */
const corpus = path.resolve(process.cwd(), '../shared/corpora/gateway-api-v1.6.1/hack/invalid-examples');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

function objectsOf(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).flatMap((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message}`);
    const value = doc.toJS() as KubeObject | null;
    return value ? [value] : [];
  });
}

const files = yamlFiles(corpus);
const results = files.map((file) => ({
  file: path.relative(corpus, file),
  issues: objectsOf(file).flatMap((obj) => validateSchema(obj)),
}));

describe('Gateway API v1.6.1 invalid examples', () => {
  it.each(results.map((r) => [r.file, r] as const))('%s is rejected', (_file, r) => {
    expect(r.issues.length).toBeGreaterThan(0);
    for (const issue of r.issues) expect(issue.path).not.toBe('');
  });

  it('rejects 36/36 files', () => {
    const rejected = results.filter((r) => r.issues.length > 0).length;
    console.log(`gateway-api invalid examples: ${rejected}/${results.length} rejected`);
    expect(`${rejected}/${results.length}`).toBe('36/36');
  });
});
