import { expect, it } from '@jest/globals';
import { validateSchema } from '../../../../shared/kube/registry.js';
import { loadSchemaCases } from './schema-cases.js';

/** Registers the allowed and denied cases of one fixture file against the registry's schemas. */
export function schemaCases(file: string) {
  const { allowed, denied } = loadSchemaCases(file);

  it.each(allowed)('allows %s', (_name, object) => {
    expect(validateSchema(object)).toEqual([]);
  });

  it.each(denied)('denies %s', (_name, c) => {
    const issues = validateSchema(c.object);
    expect(issues).toContainEqual(
      expect.objectContaining({ path: c.path, message: expect.stringContaining(c.message) }),
    );
  });
}
