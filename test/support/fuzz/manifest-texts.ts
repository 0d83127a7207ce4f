import fc from 'fast-check';
import { stringify } from 'yaml';
import { expandDeepMarkers } from './hostile-values.js';
import { invalidUtf8 } from './http-requests.js';
import { knownObjects, unknownObjects } from './kube-objects.js';
import { mutated } from './mutations.js';

/** A file for `acpnet validate`: its name (the extension decides nothing but is realistic) and bytes. */
export interface ManifestFile {
  name: string;
  bytes: Buffer;
}

const documents = fc.oneof({ arbitrary: knownObjects, weight: 5 }, { arbitrary: unknownObjects, weight: 1 });

function asYaml(values: readonly unknown[]): string {
  return values.map((value) => stringify(value, { lineWidth: 0 })).join('---\n');
}

/** A stream of JSON documents, one after the other, as kubectl reads them. */
function asJson(values: readonly unknown[], indent: number): string {
  return values.map((value) => JSON.stringify(value, null, indent)).join('\n');
}

/** Valid objects (mutated sometimes) as YAML or JSON text, one to four documents, or a List. */
const wellFormed = fc
  .tuple(
    fc.array(mutated(documents), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('yaml', 'yaml', 'json', 'list'),
    fc.constantFrom(0, 2),
  )
  .map(([values, format, indent]) => {
    if (format === 'json') return { name: 'fuzz.json', text: asJson(values, indent) };
    if (format === 'list')
      return { name: 'fuzz.yaml', text: asYaml([{ apiVersion: 'v1', kind: 'List', items: values }]) };
    return { name: 'fuzz.yaml', text: asYaml(values) };
  });

/** Exponential expansion through aliases (billion laughs), `levels` deep. */
function aliasBomb(levels: number): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(',')}]`,
    );
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

/** Each anchor holds the one before: nesting `links` deep from text nested two levels. */
function aliasChain(links: number): string {
  const lines = ['  l0: &l0 [end]'];
  for (let i = 1; i < links; i++) lines.push(`  l${i}: &l${i} [*l${i - 1}]`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: chain}\nspec:\n${lines.join('\n')}\n`;
}

/** Merge keys, each naming an anchor of its own: aliases resolved by scanning cost aliases × anchors. */
function manyMerges(count: number): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: merges}', 'spec:'];
  for (let i = 0; i < count; i++) lines.push(`  a${i}: &a${i} {x${i}: 1}`, `  m${i}: {<<: *a${i}, y: 2}`);
  return `${lines.join('\n')}\n`;
}

/** Quoted scalars closing at their key's indentation (as the guide writes CNI configs): each needs mending. */
function cutQuotes(count: number): string {
  const lines = Array.from({ length: count }, (_, i) => `  k${i}: '{\n  "cniVersion": "0.3.1"\n  }'`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cuts}\ndata:\n${lines.join('\n')}\n`;
}

/** One mapping of many keys: a duplicate check comparing each key with every earlier one is quadratic. */
function manyKeys(count: number): string {
  const data = Array.from({ length: count }, (_, i) => `  k${i}: v`).join('\n');
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: keys}\ndata:\n${data}\n`;
}

/** Block mappings indented one more level per line, `depth` levels. */
function indentedDeep(depth: number): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: deep}', 'spec:'];
  for (let i = 1; i <= depth; i++) lines.push(`${' '.repeat(i)}k:`);
  lines.push(`${' '.repeat(depth + 1)}v: 1`);
  return `${lines.join('\n')}\n`;
}

type TextEdit = (text: string, at: number) => string;

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at % Math.max(text.length, 1)) + 1;
}

/** Edits that break YAML the way people and tools do. */
const edits: Record<string, TextEdit> = {
  tab: (text, at) => `${text.slice(0, lineStart(text, at))}\t${text.slice(lineStart(text, at))}`,
  duplicateLine: (text, at) => {
    const start = lineStart(text, at);
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? undefined : end);
    return `${text.slice(0, start)}${line}\n${text.slice(start)}`;
  },
  deleteChar: (text, at) => text.slice(0, at % (text.length + 1)) + text.slice((at % (text.length + 1)) + 1),
  insertSyntax: (text, at) => {
    const i = at % (text.length + 1);
    return `${text.slice(0, i)}${': [{"\'&*!|>%@`-'[at % 16]}${text.slice(i)}`;
  },
  truncate: (text, at) => text.slice(0, at % (text.length + 1)),
  crlf: (text) => text.replaceAll('\n', '\r\n'),
  bom: (text) => `\uFEFF${text}`,
  bomInside: (text, at) => `${text.slice(0, lineStart(text, at))}\uFEFF${text.slice(lineStart(text, at))}`,
  nul: (text, at) => `${text.slice(0, at % (text.length + 1))}\u0000${text.slice(at % (text.length + 1))}`,
  directive: (text) => `%YAML 1.2\n---\n${text}`,
  badSeparator: (text, at) =>
    `${text.slice(0, lineStart(text, at))}--- x: 1\n${text.slice(lineStart(text, at))}`,
  emptyDocuments: (text) => `---\n---\n${text}\n---\n...\n`,
};

const editedTexts = fc
  .tuple(wellFormed, fc.array(fc.tuple(fc.constantFrom(...Object.keys(edits)), fc.nat()), { maxLength: 3 }))
  .map(([file, changes]) => ({
    name: file.name,
    text: changes.reduce((text, [edit, at]) => (edits[edit] as TextEdit)(text, at), file.text),
  }));

const hostileTexts = fc.oneof(
  fc.integer({ min: 2, max: 12 }).map((levels) => ({ name: 'bomb.yaml', text: aliasBomb(levels) })),
  fc.integer({ min: 100, max: 5_000 }).map((links) => ({ name: 'chain.yaml', text: aliasChain(links) })),
  fc.integer({ min: 400, max: 800 }).map((depth) => ({ name: 'deep.yaml', text: indentedDeep(depth) })),
  fc.integer({ min: 200, max: 3_000 }).map((count) => ({ name: 'merges.yaml', text: manyMerges(count) })),
  fc.integer({ min: 2_000, max: 20_000 }).map((count) => ({ name: 'keys.yaml', text: manyKeys(count) })),
  fc.integer({ min: 1, max: 600 }).map((count) => ({ name: 'cuts.yaml', text: cutQuotes(count) })),
  fc
    .constantFrom('', '\n', '---\n', '# only a comment\n', '[]', 'null', '"x"')
    .map((text) => ({ name: 'empty.yaml', text })),
);

/** Splices bytes that are not UTF-8 into the text at a random place, or leaves it UTF-8. */
function encoded(file: { name: string; text: string }): fc.Arbitrary<ManifestFile> {
  const text = expandDeepMarkers(file.text);
  const utf8 = Buffer.from(text);
  return fc.oneof(
    { arbitrary: fc.constant({ name: file.name, bytes: utf8 }), weight: 9 },
    {
      arbitrary: fc.tuple(fc.nat({ max: utf8.length }), invalidUtf8).map(([at, bytes]) => ({
        name: file.name,
        bytes: Buffer.concat([utf8.subarray(0, at), bytes, utf8.subarray(at)]),
      })),
      weight: 1,
    },
  );
}

/** Manifest files: well-formed and mutated objects, broken text, and the classic YAML attacks. */
export const manifestFiles: fc.Arbitrary<ManifestFile> = fc
  .oneof(
    { arbitrary: wellFormed, weight: 4 },
    { arbitrary: editedTexts, weight: 4 },
    { arbitrary: hostileTexts, weight: 1 },
  )
  .chain(encoded);
