import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  Document,
  isCollection,
  isMap,
  isNode,
  isScalar,
  isSeq,
  type Pair,
  parse,
  parseDocument,
  type YAMLMap,
} from 'yaml';
import { fixtureRoot } from './fixture-cases.js';

/** Where a case's `expect:` pair sits in the text, or where one goes. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

/** The end of a node's text, without the line break and blank lines a block collection takes in. */
function trimmedEnd(source: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(source[at - 1]!)) at--;
  return at;
}

/** Where a node starts and where its value ends in the source. */
function rangeOf(node: unknown): { start: number; end: number } {
  if (!isNode(node) || !node.range) throw new Error('a case without a source range');
  return { start: node.range[0], end: node.range[1] };
}

function keyOf(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

function expectPair(item: YAMLMap): Pair | undefined {
  return item.items.find((pair) => keyOf(pair) === 'expect');
}

function copyCommentBefore(from: unknown, to: unknown): void {
  if (isNode(from) && isNode(to) && from.commentBefore) to.commentBefore = from.commentBefore;
}

/**
 * Carries the comment lines of the block being replaced over to the same places in the new one:
 * before a key of `expect:`, before a list, before the i-th item of a list.
 */
function keepComments(old: unknown, fresh: YAMLMap): void {
  if (!isMap(old)) return;
  for (const pair of fresh.items) {
    const before = old.items.find((p) => keyOf(p) === keyOf(pair));
    if (!before) continue;
    copyCommentBefore(before.key, pair.key);
    copyCommentBefore(before.value, pair.value);
    if (isSeq(before.value) && isSeq(pair.value)) {
      const items = before.value.items;
      for (const [i, item] of pair.value.items.entries()) copyCommentBefore(items[i], item);
    }
  }
}

/** `expect: ...` as YAML at the given indentation: a flow map when only the verdict is left. */
function render(expectation: object, old: unknown, indent: number): string {
  const doc = new Document({ expect: expectation });
  const block = doc.get('expect', true);
  if (!isMap(block)) throw new Error('an expectation that is not a map');
  block.flow = Object.keys(expectation).length === 1;
  const patch = block.get('patch', true);
  if (isSeq(patch)) for (const operation of patch.items) if (isCollection(operation)) operation.flow = true;
  keepComments(old, block);
  const pad = ' '.repeat(indent);
  return doc
    .toString({ lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

function editFor(source: string, item: unknown, current: unknown, expectation: object): Edit | undefined {
  if (!isMap(item) || item.items.length === 0) throw new Error('a case is not a map');
  const pair = expectPair(item);
  if (pair) {
    if (isDeepStrictEqual(current, expectation)) return undefined;
    const { start } = rangeOf(pair.key);
    const end = trimmedEnd(source, rangeOf(pair.value).end);
    return { start, end, text: render(expectation, pair.value, columnOf(source, start)) };
  }
  const last = item.items.at(-1)!;
  const end = trimmedEnd(source, rangeOf(last.value ?? last.key).end);
  const indent = columnOf(source, rangeOf(item.items[0]!.key).start);
  return { start: end, end, text: `\n${' '.repeat(indent)}${render(expectation, undefined, indent)}` };
}

/**
 * The text of a fixture file with the `expect:` block of every case in `observed` (by index) set to
 * what its review said. Cases whose block already says so, and everything outside the blocks
 * rewritten (comments, anchors, layout), are left as they are.
 */
export function rewriteExpectations(source: string, observed: ReadonlyMap<number, object>): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) throw doc.errors[0]!;
  if (!isSeq(doc.contents)) throw new Error('is not a list of admission cases');
  const items = doc.contents.items;
  const current = doc.toJS() as { expect?: unknown }[];
  const edits = [...observed]
    .map(([index, expectation]) => editFor(source, items[index], current[index]?.expect, expectation))
    .filter((edit) => edit !== undefined)
    .sort((a, b) => b.start - a.start);
  let text = source;
  for (const edit of edits) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  const reread = parse(text) as { expect?: object }[];
  for (const [index, expectation] of observed)
    if (!isDeepStrictEqual(reread[index]?.expect, expectation))
      throw new Error(`case ${index}: the rewritten expect block does not read back as written`);
  return text;
}

/**
 * Set by `ACPNET_UPDATE_FIXTURES=1`: fixture tests record what the reviews say instead of comparing,
 * and rewrite the `expect:` blocks once a file's cases have run.
 */
export const updatingFixtures = process.env['ACPNET_UPDATE_FIXTURES'] === '1';

/** Rewrites `test/fixtures/<folder>/<file>` with the observed expectations, if they differ. */
export function writeExpectations(folder: string, file: string, observed: ReadonlyMap<number, object>): void {
  const where = path.join(fixtureRoot, folder, file);
  const source = readFileSync(where, 'utf8');
  const updated = rewriteExpectations(source, observed);
  if (updated !== source) writeFileSync(where, updated);
}
