import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { groupKindOf } from '../../shared/kube/object.js';
import { kindModel, validateSchema } from '../../shared/kube/registry.js';
import { gatewayApiExamplesDir } from '../support/corpora.js';
import { objectsOf, yamlFiles } from './support/admit-files.js';

/**
 * Every object of the Gateway API v1.6.1 examples corpus is accepted upstream; validated on its own, none may
 * produce a schema issue here. The tag ships 88 files (some with several objects); the count is measured,
 * not assumed.
 */
const corpus = gatewayApiExamplesDir();

const files = yamlFiles(corpus).map((file) => ({
  file: path.relative(corpus, file),
  objects: objectsOf(file),
}));

describe('Gateway API v1.6.1 examples', () => {
  it.each(files.map((f) => [f.file, f] as const))('%s has no schema issue', (_file, f) => {
    const issues = f.objects.flatMap((obj) =>
      validateSchema(obj).map((issue) => `${obj.kind} ${obj.metadata.name}: ${issue.path}: ${issue.message}`),
    );
    expect(issues).toEqual([]);
  });

  it('every object is of a kind acpnet knows', () => {
    const unknown = files.flatMap((f) => f.objects.filter((o) => !kindModel(groupKindOf(o))));
    expect(unknown.map((o) => `${o.apiVersion} ${o.kind}`)).toEqual([]);
  });

  it('accepts 88/88 files', () => {
    const accepted = files.filter((f) => f.objects.every((o) => validateSchema(o).length === 0));
    const objects = files.reduce((n, f) => n + f.objects.length, 0);
    console.log(
      `gateway-api examples: ${accepted.length}/${files.length} files accepted (${objects} objects)`,
    );
    expect(`${accepted.length}/${files.length}`).toBe('88/88');
  });
});
