import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { validateSchema } from '../../shared/kube/registry.js';
import { gatewayApiInvalidExamplesDir } from '../support/corpora.js';
import { objectsOf, yamlFiles } from './support/admit-files.js';

/**
 * Every manifest of the Gateway API v1.6.1 invalid-examples corpus is rejected by upstream's CRD schema and
 * CEL rules; each must produce at least one schema issue here. None needs a cross-object rule.
 */
const corpus = gatewayApiInvalidExamplesDir();

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
