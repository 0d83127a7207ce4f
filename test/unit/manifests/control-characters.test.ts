import { describe, expect, it } from '@jest/globals';
import { controlCharacter } from '../../../shared/kube/manifests/control-characters.js';
import { parseManifests } from '../../../shared/kube/manifests.js';

describe('control characters, which kubectl refuses before reading any YAML', () => {
  it.each([
    ['a NUL', 'a: x\u0000y', { line: 1, column: 5, codePoint: 'U+0000' }],
    ['an escape on the third line', 'a: 1\nb: 2\nc: \u001b[0m', { line: 3, column: 4, codePoint: 'U+001B' }],
    ['DEL', 'a: \u007f', { line: 1, column: 4, codePoint: 'U+007F' }],
    ['a C1 control', 'a: \u0090', { line: 1, column: 4, codePoint: 'U+0090' }],
    ['U+FFFF', 'a: \uffff', { line: 1, column: 4, codePoint: 'U+FFFF' }],
  ])('finds %s, with line and column', (_what, text, found) => {
    expect(controlCharacter(text)).toEqual(found);
  });

  it.each([
    ['tabs, line feeds and carriage returns', 'a:\tb\r\nc: d\n'],
    ['next line (U+0085), no-break space and text beyond the BMP', 'a: x\u0085y\u00a0z \u{1f600}'],
    ['the replacement character of bytes that were not UTF-8', 'a: \ufffd'],
    ['a byte order mark', '\ufeffa: 1'],
  ])('lets through %s', (_what, text) => {
    expect(controlCharacter(text)).toBeUndefined();
  });

  it('makes the file unusable, naming file, line and the character', () => {
    const { manifests, errors } = parseManifests(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: "x\u0000"}\n',
      'nul.yaml',
    );
    expect(manifests).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      'nul.yaml:4:13: YAML syntax error: control characters are not allowed (found U+0000)',
    ]);
  });
});
