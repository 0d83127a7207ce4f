import { describe, expect, it } from '@jest/globals';
import { applyJsonPatch, escapePointerToken, parsePointer } from '../../../webhooks/review/json-patch.js';
import type { JsonPatchOperation } from '../../../webhooks/rules/types.js';

const doc = { spec: { listeners: [{ name: 'a' }, { name: 'b' }] }, metadata: { labels: { 'x/y': '1' } } };

describe('applyJsonPatch', () => {
  it.each<[string, JsonPatchOperation[], unknown]>([
    [
      'adds a member',
      [{ op: 'add', path: '/spec/class', value: 'eg' }],
      { ...doc, spec: { ...doc.spec, class: 'eg' } },
    ],
    [
      'inserts into an array',
      [{ op: 'add', path: '/spec/listeners/1', value: { name: 'c' } }],
      { ...doc, spec: { listeners: [{ name: 'a' }, { name: 'c' }, { name: 'b' }] } },
    ],
    [
      'appends with -',
      [{ op: 'add', path: '/spec/listeners/-', value: { name: 'c' } }],
      { ...doc, spec: { listeners: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] } },
    ],
    [
      'replaces an element',
      [{ op: 'replace', path: '/spec/listeners/0/name', value: 'z' }],
      { ...doc, spec: { listeners: [{ name: 'z' }, { name: 'b' }] } },
    ],
    [
      'removes an escaped member',
      [{ op: 'remove', path: '/metadata/labels/x~1y' }],
      { ...doc, metadata: { labels: {} } },
    ],
    [
      'removes an element',
      [{ op: 'remove', path: '/spec/listeners/0' }],
      { ...doc, spec: { listeners: [{ name: 'b' }] } },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(applyJsonPatch(doc, patch)).toEqual(expected);
  });

  it.each<[JsonPatchOperation, string]>([
    [
      { op: 'replace', path: '/spec/missing', value: 1 },
      'cannot replace /spec/missing: member "missing" does not exist',
    ],
    [{ op: 'add', path: '/nope/x', value: 1 }, 'cannot add /nope/x: parent "nope" does not exist'],
    [
      { op: 'remove', path: '/spec/listeners/7' },
      'cannot remove /spec/listeners/7: index 7 is out of bounds',
    ],
    [
      { op: 'add', path: '/spec/listeners/x', value: 1 },
      'cannot add /spec/listeners/x: "x" is not an array index',
    ],
    [{ op: 'add', path: 'spec', value: 1 }, 'JSON pointer "spec" must start with "/"'],
    [{ op: 'remove', path: '' }, 'cannot remove : cannot remove the whole document'],
  ])('refuses %j', (operation, message) => {
    expect(() => applyJsonPatch(doc, [operation])).toThrow(message);
  });

  it('leaves the input untouched', () => {
    const copy = structuredClone(doc);
    applyJsonPatch(doc, [{ op: 'remove', path: '/spec' }]);
    expect(doc).toEqual(copy);
  });

  it('round-trips pointer escapes', () => {
    expect(parsePointer(`/${escapePointerToken('a/b~c')}`)).toEqual(['a/b~c']);
  });
});
