import { describe, expect, it } from '@jest/globals';
import { applyJsonPatch } from '../../../../webhooks/review/json-patch.js';
import { gatewayFamily } from '../../../../webhooks/rules/gateway/index.js';
import { loadFixture, type MutatorCase, runMutator } from './support/harness.js';

const cases = loadFixture<MutatorCase & { mutator: string }>('mutators.yaml');

describe('gateway mutators', () => {
  it.each(cases.map((c) => [c.mutator, c.name, c] as const))('%s: %s', async (id, _name, c) => {
    const mutator = gatewayFamily.mutators.find((m) => m.id === id);
    expect(mutator).toBeDefined();
    const patch = await runMutator(mutator!, c);
    expect(patch).toEqual(c.patch);
    // The patch applies to the object as received: every path's parent exists.
    expect(() => applyJsonPatch(c.object, patch)).not.toThrow();
  });

  it('a mutated object needs no further mutation', async () => {
    for (const c of cases) {
      const mutator = gatewayFamily.mutators.find((m) => m.id === c.mutator)!;
      const patched = applyJsonPatch(c.object, await runMutator(mutator, c));
      expect(await runMutator(mutator, { ...c, object: patched })).toEqual([]);
    }
  });
});
