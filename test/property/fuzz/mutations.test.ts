import { describe, expect, it } from '@jest/globals';
import { applyMutations, type Mutation } from '../../support/fuzz/mutations.js';

describe('fuzz mutations', () => {
  it('insert a copy of a generated value: a shared constant never ends up inside itself or changed', () => {
    const constant: unknown[] = [];
    // The first add puts the constant under `spec`; the second adds to whatever value the walk
    // finds there (the inserted array), which must be the copy, not the constant itself.
    const mutations: Mutation[] = [
      { op: 'add', at: 0, key: 'items', value: constant },
      { op: 'add', at: 1, key: 'more', value: constant },
      { op: 'add', at: 2, key: 'again', value: constant },
    ];
    const result = applyMutations({ spec: { a: 1 } }, mutations);
    expect(() => JSON.stringify(result)).not.toThrow();
    expect(constant).toEqual([]);
  });

  it('leave the input as it was', () => {
    const input = { spec: { ports: [80] } };
    applyMutations(input, [{ op: 'replace', at: 0, value: { replaced: true } }]);
    expect(input).toEqual({ spec: { ports: [80] } });
  });
});
