import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { gatewayApiExamplesDir } from '../support/corpora.js';
import { admitFile, denials, yamlFiles } from './support/admit-files.js';

/**
 * Every file of the Gateway API v1.6.1 examples, validated on its own through the whole engine
 * (schema, mutators, every rule family) as `acpnet validate FILE` would: its objects are admitted in
 * file order into an empty store. Warnings are allowed (routes whose Gateway is in another file,
 * Secrets and ReferenceGrants not applied yet: tls-cert-cross-namespace.yaml lists its Gateway
 * before the grant, and a reference to a Secret that does not exist yet only warns).
 */
const corpus = gatewayApiExamplesDir();

const files = yamlFiles(corpus).map((file) => path.relative(corpus, file));

describe('Gateway API v1.6.1 examples through the engine', () => {
  it.each(files)('%s is admitted', async (file) => {
    expect(denials(await admitFile(path.join(corpus, file)))).toEqual([]);
  });

  it('admits 88/88 files in file order', async () => {
    let admitted = 0;
    for (const file of files)
      if (denials(await admitFile(path.join(corpus, file))).length === 0) admitted += 1;
    console.log(
      `gateway-api examples through the engine: ${admitted}/${files.length} admitted in file order`,
    );
    expect(`${admitted}/${files.length}`).toBe('88/88');
  });
});
