import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Alias, Composer, Parser } from 'yaml';
import { ALIAS_LIMIT } from '../../../shared/kube/manifests/alias-limit.js';
import { REPARSE_BUDGET } from '../../../shared/kube/manifests/flow-indentation.js';
import { readYamlStream } from '../../../shared/kube/manifests/yaml-stream.js';
import { parseManifests } from '../../../shared/kube/manifests.js';

/**
 * Input that made reading take minutes, found by fuzzing: work that grew with the square of the
 * input. Each case asserts the work done (no timing), or runs input whose old cost ran past the
 * test's time.
 */

afterEach(() => {
  jest.restoreAllMocks();
});

function configMap(lines: readonly string[]): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n${lines.join('\n')}\n`;
}

/** Merge keys each naming an anchor of its own. */
function merges(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(`  a${i}: &a${i} {x${i}: "1"}`, `  m${i}: {<<: *a${i}, y: "2"}`);
  return configMap(lines);
}

describe('reading YAML costs what the input costs', () => {
  it('reads a mapping of 150,000 keys (each key was compared with every key before it)', () => {
    const keys = Array.from({ length: 150_000 }, (_, i) => `  k${i}: v`);
    const { manifests, errors } = parseManifests(configMap(keys), 'keys.yaml');
    expect(errors).toEqual([]);
    expect(Object.keys(manifests[0]?.object.data as object)).toHaveLength(150_000);
  }, 60_000);

  it('still refuses a key repeated in a mapping, at the repeat', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `  k${i}: v`);
    const stream = readYamlStream(configMap([...keys, '  k17: again']));
    expect(stream.error).toEqual({
      line: 50_005,
      column: 3,
      message: 'YAML syntax error: Map keys must be unique',
    });
  });

  it('resolves the aliases of merge keys without walking the whole document for each', () => {
    const walkingResolve = jest.spyOn(Alias.prototype, 'resolve');
    const { manifests, errors } = parseManifests(merges(500), 'merges.yaml');
    expect(errors).toEqual([]);
    expect(manifests).toHaveLength(1);
    // Alias.resolve without a context walks the document; with one, it reuses the first walk.
    expect(walkingResolve.mock.calls.filter(([, context]) => context === undefined)).toEqual([]);
  });

  it(`refuses a document of more than ${ALIAS_LIMIT} aliases, whose reading costs aliases × anchors`, () => {
    expect(parseManifests(merges(ALIAS_LIMIT), 'merges.yaml').errors).toEqual([]);
    expect(parseManifests(merges(ALIAS_LIMIT + 1), 'merges.yaml').errors.map((e) => e.message)).toEqual([
      `merges.yaml:1: document 1: more than ${ALIAS_LIMIT} aliases (acpnet reads at most ${ALIAS_LIMIT} per document)`,
    ]);
  });

  it('mends quoted scalars cut by indentation within a bounded reparse, however many a document holds', () => {
    const parse = jest.spyOn(Parser.prototype, 'parse');
    const cuts = Array.from({ length: 1_000 }, (_, i) => `  k${i}: '{\n  "a": 1\n  }'`);
    const text = configMap(cuts);
    const stream = readYamlStream(text);
    // Each round of mending reparses the text for one more cut: 1,000 rounds were 30 MB of parsing.
    const parsed = parse.mock.calls.reduce((sum, [source]) => sum + source.length, 0);
    expect(parsed).toBeLessThanOrEqual(REPARSE_BUDGET + 4 * text.length);
    expect(stream.error?.message).toBe("YAML syntax error: Missing closing 'quote");
    // A few cuts are mended as before.
    const few = readYamlStream(configMap(cuts.slice(0, 20)));
    expect(few.error).toBeUndefined();
  });

  it('stops composing a broken stream at its first error token', () => {
    const next = jest.spyOn(Composer.prototype, 'next');
    const stream = readYamlStream(`a: 1\n${']'.repeat(20_000)}`);
    expect(stream.error?.message).toMatch(/^YAML syntax error: /);
    expect(stream.error?.line).toBe(2);
    // Two passes (as written, then with flow continuations indented), each stopping at the first
    // error token: the document and that token.
    expect(next.mock.calls.length).toBeLessThanOrEqual(4);
  });
});
