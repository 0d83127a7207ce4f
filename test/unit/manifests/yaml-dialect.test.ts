import { describe, expect, it } from '@jest/globals';
import { Document } from 'yaml';
import { STABLE_YAML_OUTPUT } from '../../../shared/kube/manifests/yaml-dialect.js';
import { readYamlStream } from '../../../shared/kube/manifests/yaml-stream.js';

function readBack(value: unknown): unknown {
  const stream = readYamlStream(new Document(value, STABLE_YAML_OUTPUT).toString());
  if (stream.error) throw new Error(stream.error.message);
  return stream.documents[0]?.value;
}

describe('the YAML acpnet writes reads back as kubectl reads it', () => {
  it.each([
    ['Go integer literals', ['0o755', '0O17', '0x_1F', '1__0', '-0b101', '+12', '08', '0089']],
    ['floats', ['+.5', '.5', '1e3', '3.', '-.5e-3', '1_000.5']],
    ['YAML 1.1 words', ['y', 'N', 'on', 'OFF', 'yes', '~', 'null', 'NULL', '', '.inf', '-.Inf', '.NaN']],
    ['strings that stay strings', ['12:30', '2001-12-14', '1e', '0b2', '_1', '0x1ffffffffffffffff', 'yEs']],
  ])('%s stay strings', (_label, strings) => {
    const value = Object.fromEntries(strings.map((text, i) => [`k${i}`, text]));
    expect(readBack(value)).toEqual(value);
  });

  it('numbers, booleans and null keep their kind', () => {
    const value = { a: 493, b: 0.5, c: true, d: false, e: null, f: -3, g: 1e21 };
    expect(readBack(value)).toEqual(value);
  });
});

describe('what acpnet refuses rather than read another value than kubectl', () => {
  function problem(text: string): string | undefined {
    const stream = readYamlStream(text);
    return stream.error ? stream.error.message : stream.documents[0]?.problem;
  }

  it.each([
    ['an integer a double cannot hold', 'a: 9007199254740993\n', /beyond what acpnet reads exactly/],
    ['a merge key after a key it sets', 'd: &d {port: 80}\ns: {port: 1, <<: *d}\n', /after "port"/],
    ['a null key', '~: 1\n', /may not be null/],
    ['a collection key', '? [a]\n: 1\n', /may not be a collection/],
    ['a separator carrying content', '--- {a: 1}\n', /invalid document separator/],
    ['a directive', '%YAML 1.1\n---\na: 1\n', /directives/],
    ['a document after ...', 'a: 1\n...\nb: 2\n', /document end marker/],
  ])('%s', (_label, text, message) => {
    expect(problem(text)).toMatch(message);
  });

  it('reads integers a double holds, merge keys written first, and ... before ---', () => {
    for (const text of [
      'a: 9223372036854775808\n',
      'd: &d {p: 1}\ns: {<<: *d, p: 2}\n',
      'a: 1\n...\n---\nb: 2\n',
    ])
      expect(problem(text)).toBeUndefined();
  });
});
