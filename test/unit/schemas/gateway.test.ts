import { describe, expect, it } from '@jest/globals';
import { validateSchema } from '../../../shared/kube/registry.js';
import { schemaCases } from './support/run-cases.js';
import { deepMerge, loadSchemaCases } from './support/schema-cases.js';

describe('Gateway schema', () => {
  schemaCases('gateway.yaml');
});

describe('Gateway listener count', () => {
  const base = loadSchemaCases('gateway.yaml').allowed[0]![1];
  const withListeners = (n: number) =>
    deepMerge(base, {
      spec: {
        listeners: Array.from({ length: n }, (_, i) => ({ name: `l${i}`, protocol: 'HTTP', port: 1000 + i })),
      },
    }) as typeof base;

  it('allows 64 listeners', () => {
    expect(validateSchema(withListeners(64))).toEqual([]);
  });

  it('denies 65 listeners', () => {
    expect(validateSchema(withListeners(65))).toContainEqual(
      expect.objectContaining({ path: 'spec.listeners', message: expect.stringContaining('at most') }),
    );
  });
});
