import { Composer, type Document, LineCounter, Parser } from 'yaml';
import { isStackOverflow, NESTED_TOO_DEEPLY, tooDeeplyNestedAt } from '../nesting.js';
import { ALIAS_LIMIT, aliasProblem } from './alias-limit.js';
import { controlCharacter } from './control-characters.js';
import { badSeparator, SplitChecker } from './document-separators.js';
import { DUPLICATE_KEY, duplicateKeyOffset } from './duplicate-keys.js';
import { indentFlowContinuations } from './flow-indentation.js';
import { jsonProblem } from './json-problem.js';
import { keyProblem } from './key-problems.js';
import { tooDeeplyNested } from './nesting-depth.js';
import { KUBECTL_YAML } from './yaml-dialect.js';

/** A non-empty document of a stream. */
export interface StreamDocument {
  doc: Document.Parsed;
  /** 1-based index of the document in the stream, empty documents counted. */
  index: number;
  /** 1-based line where the document's content starts. */
  line: number;
  /** The document as JSON, explicit nulls included; undefined when it has a problem. */
  value: unknown;
  /** Why the document has no JSON form. */
  problem?: string;
}

/** What makes a whole stream unreadable. */
export interface StreamError {
  line: number;
  column?: number;
  message: string;
}

export type YamlStream =
  | { documents: StreamDocument[]; lines: LineCounter; error?: undefined }
  | { error: StreamError };

/** A stream that passed its checks: its documents are read one at a time, as they are iterated. */
export type OpenYamlStream =
  | { documents: Iterable<StreamDocument>; lines: LineCounter; error?: undefined }
  | { error: StreamError };

type Checked =
  /** `only`: the one document of a stream of one, composed already. */
  | { lines: LineCounter; only: Document.Parsed | undefined; error?: undefined }
  /** `mendable`: a syntax error, which indenting flow continuations may mend. */
  | { error: StreamError; mendable: boolean };

/** The first syntax error of a document, a duplicated key among them. */
function syntaxError(doc: Document.Parsed, lines: LineCounter): StreamError | undefined {
  const syntax = doc.errors[0];
  const duplicate = duplicateKeyOffset(doc);
  const first =
    duplicate !== undefined && (!syntax || duplicate < syntax.pos[0])
      ? { offset: duplicate, message: DUPLICATE_KEY }
      : syntax && { offset: syntax.pos[0], message: syntax.message };
  if (!first) return undefined;
  const { line, col } = lines.linePos(first.offset);
  return { line, column: col, message: `YAML syntax error: ${first.message}` };
}

/**
 * The first pass over a stream: its separators, nesting and syntax, checked one top-level token
 * and one document at a time, nothing of it kept but the line starts. A separator problem wins
 * over a nesting problem, which wins over a syntax error, wherever each is in the stream.
 */
function checkStream(source: string): Checked {
  const lines = new LineCounter();
  const split = new SplitChecker();
  const composer = new Composer(KUBECTL_YAML);
  let deep: number | undefined;
  let syntax: StreamError | undefined;
  // A stream of one document (a single large object) is not composed a second time.
  let first: Document.Parsed | undefined;
  let count = 0;
  const check = (docs: Iterable<Document.Parsed>) => {
    for (const doc of docs) {
      syntax ??= syntaxError(doc, lines);
      count += 1;
      first = count === 1 ? doc : undefined;
    }
  };
  for (const token of new Parser(lines.addNewLine).parse(source)) {
    const problem = split.next(token);
    if (problem) {
      return {
        error: { line: lines.linePos(problem.offset).line, message: problem.message },
        mendable: false,
      };
    }
    deep ??= tooDeeplyNested([token]);
    // The composer overflows on a document nested too deeply; after one error nothing more counts.
    if (deep === undefined && syntax === undefined) {
      check(composer.next(token));
      // An error token is a syntax error of its document: the document is ended here, so that the
      // rest of a broken stream (in the worst case a token per character) is not composed.
      if (token.type === 'error') check(composer.end(true, token.offset));
    }
  }
  if (deep !== undefined) {
    return { error: { line: lines.linePos(deep).line, message: NESTED_TOO_DEEPLY }, mendable: false };
  }
  if (syntax === undefined) check(composer.end());
  return syntax ? { error: syntax, mendable: true } : { lines, only: first };
}

function streamDocument(doc: Document.Parsed, index: number, lines: LineCounter): StreamDocument | undefined {
  if (doc.contents === null) return undefined;
  const offset = doc.contents.range?.[0];
  const line = offset === undefined ? 1 : lines.linePos(offset).line;
  let value: unknown;
  let problem: string | undefined;
  try {
    problem = aliasProblem(doc);
    if (problem) return { doc, index, line, value: undefined, problem };
    value = doc.toJS({ maxAliasCount: ALIAS_LIMIT });
    if (value === null || value === undefined) return undefined;
    // Aliases nest a document deeper than its text: the syntax tree's depth check cannot see it.
    problem =
      keyProblem(doc) ?? jsonProblem(value) ?? (tooDeeplyNestedAt(value) ? NESTED_TOO_DEEPLY : undefined);
  } catch (error) {
    problem = isStackOverflow(error)
      ? NESTED_TOO_DEEPLY
      : error instanceof Error
        ? error.message
        : String(error);
  }
  return problem ? { doc, index, line, value: undefined, problem } : { doc, index, line, value };
}

/** The second pass: each document composed when it is asked for, and left to the caller. */
function* documentsOf(
  source: string,
  lines: LineCounter,
  only: Document.Parsed | undefined,
): Generator<StreamDocument> {
  const composer = new Composer(KUBECTL_YAML);
  function* composed(): Generator<Document.Parsed> {
    if (only) {
      yield only;
      return;
    }
    for (const token of new Parser().parse(source)) yield* composer.next(token);
    yield* composer.end();
  }
  let index = 0;
  for (const doc of composed()) {
    index += 1;
    const document = streamDocument(doc, index, lines);
    if (document) yield document;
  }
}

/**
 * Reads a stream of YAML documents as kubectl does (see KUBECTL_YAML): a leading byte order mark
 * is dropped, `---` lines must separate documents cleanly, lines inside quoted scalars and flow
 * collections need no indentation. A syntax error anywhere makes the whole stream unreadable;
 * empty documents are left out. The whole stream is checked first without keeping its documents;
 * the documents are then composed one at a time as they are iterated, so that memory holds the
 * text and one document, not every document of it.
 */
export function openYamlStream(text: string): OpenYamlStream {
  // kubectl hands go-yaml each document on its own, and go-yaml drops a byte order mark that
  // starts its input: at the start of the stream, and right after a separator line.
  let source = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/^(---[^\n]*\n)\uFEFF/gm, '$1');
  const control = controlCharacter(source);
  if (control) {
    const message = `YAML syntax error: control characters are not allowed (found ${control.codePoint})`;
    return { error: { line: control.line, column: control.column, message } };
  }
  const separator = badSeparator(source);
  if (separator) {
    const message = `invalid document separator: only a comment may follow --- (found ${JSON.stringify(separator.rest)})`;
    return { error: { line: separator.line, message } };
  }
  let checked = checkStream(source);
  if (checked.error && checked.mendable) {
    // Taken only when it mends the whole stream: otherwise the first complaint about the text as
    // written (an unclosed [ reads like an unindented one) says best where it went wrong.
    const repaired = indentFlowContinuations(source);
    const rechecked = repaired === undefined ? undefined : checkStream(repaired);
    if (repaired !== undefined && rechecked && !rechecked.error) {
      source = repaired;
      checked = rechecked;
    }
  }
  if (checked.error) return { error: checked.error };
  return { documents: documentsOf(source, checked.lines, checked.only), lines: checked.lines };
}

/** openYamlStream with every document read. */
export function readYamlStream(text: string): YamlStream {
  const stream = openYamlStream(text);
  if (stream.error) return { error: stream.error };
  return { documents: Array.from(stream.documents), lines: stream.lines };
}
