import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { gatewayApiInvalidExamplesDir } from '../support/corpora.js';
import { admitFile, denials, yamlFiles } from './support/admit-files.js';

/**
 * Every manifest of the Gateway API v1.6.1 invalid-examples corpus, validated on its own through the
 * whole engine as `acpnet validate FILE` would, must be denied with a field named.
 */
const corpus = gatewayApiInvalidExamplesDir();
const files = yamlFiles(corpus).map((file) => path.relative(corpus, file));

describe('Gateway API v1.6.1 invalid examples through the engine', () => {
  it.each(files)('%s is denied', async (file) => {
    const admissions = await admitFile(path.join(corpus, file));
    expect(denials(admissions).length).toBeGreaterThan(0);
    for (const { result } of admissions)
      for (const finding of result.findings.filter((f) => f.severity === 'deny'))
        expect(finding.field).not.toBe('');
  });

  it('denies 36/36 files', async () => {
    let denied = 0;
    for (const file of files) if (denials(await admitFile(path.join(corpus, file))).length > 0) denied += 1;
    console.log(`gateway-api invalid examples through the engine: ${denied}/${files.length} denied`);
    expect(`${denied}/${files.length}`).toBe('36/36');
  });
});
