import { describe, expect, it } from '@jest/globals';
import { validateSchema } from '../../../shared/kube/registry.js';
import { schemaCases } from './support/run-cases.js';
import { deepMerge, loadSchemaCases } from './support/schema-cases.js';

describe('GRPCRoute schemas', () => {
  schemaCases('grpcroute.yaml');
});

describe('GRPCRoute RequestHeaderModifier limits', () => {
  const base = loadSchemaCases('grpcroute.yaml').allowed[0]![1];
  const entries = (n: number, value = 'v') => Array.from({ length: n }, (_, i) => ({ name: `h${i}`, value }));
  const names = (n: number) => Array.from({ length: n }, (_, i) => `h${i}`);
  const withModifier = (requestHeaderModifier: unknown) =>
    deepMerge(base, {
      spec: {
        rules: [
          {
            filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier }],
            backendRefs: [{ name: 'user', port: 50051 }],
          },
        ],
      },
    }) as typeof base;
  const field = 'spec.rules[0].filters[0].requestHeaderModifier';

  it.each([
    ['16 set, 16 add and 16 remove entries', { set: entries(16), add: entries(16), remove: names(16) }],
    ['a 1-character value', { set: entries(1, 'v') }],
    ['a 4096-character value', { add: entries(1, 'v'.repeat(4096)) }],
  ])('allows %s', (_name, modifier) => {
    expect(validateSchema(withModifier(modifier))).toEqual([]);
  });

  it.each([
    ['17 set entries', { set: entries(17) }, `${field}.set`, 'at most'],
    ['17 add entries', { add: entries(17) }, `${field}.add`, 'at most'],
    ['17 remove entries', { remove: names(17) }, `${field}.remove`, 'at most'],
    ['an empty value', { set: entries(1, '') }, `${field}.set[0].value`, 'must not be empty'],
    ['a 4097-character value', { add: entries(1, 'v'.repeat(4097)) }, `${field}.add[0].value`, 'at most'],
  ])('denies %s', (_name, modifier, path, message) => {
    expect(validateSchema(withModifier(modifier))).toContainEqual(
      expect.objectContaining({ path, message: expect.stringContaining(message) }),
    );
  });
});
