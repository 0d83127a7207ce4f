import { Composer, type CST, type Document, LineCounter, Parser } from 'yaml';
import { badSeparator, splitProblem } from './document-separators.js';
import { indentFlowContinuations } from './flow-indentation.js';
import { jsonProblem } from './json-problem.js';
import { keyProblem } from './key-problems.js';
import { NESTING_LIMIT, tooDeeplyNested } from './nesting-depth.js';
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

type Composed = { docs: Document.Parsed[]; lines: LineCounter } | { error: StreamError };

function compose(source: string): Composed {
  const lines = new LineCounter();
  const tokens: CST.Token[] = Array.from(new Parser(lines.addNewLine).parse(source));
  const split = splitProblem(tokens);
  if (split) return { error: { line: lines.linePos(split.offset).line, message: split.message } };
  const deep = tooDeeplyNested(tokens);
  if (deep !== undefined) {
    const message = `nested too deeply (limit ${NESTING_LIMIT} levels)`;
    return { error: { line: lines.linePos(deep).line, message } };
  }
  return { docs: Array.from(new Composer(KUBECTL_YAML).compose(tokens)), lines };
}

function firstError(composed: Composed): StreamError | undefined {
  if ('error' in composed) return composed.error;
  for (const doc of composed.docs) {
    const syntax = doc.errors[0];
    if (syntax) {
      const { line, col } = composed.lines.linePos(syntax.pos[0]);
      return { line, column: col, message: `YAML syntax error: ${syntax.message}` };
    }
  }
  return undefined;
}

function documentsOf(docs: Document.Parsed[], lines: LineCounter): StreamDocument[] {
  const documents: StreamDocument[] = [];
  docs.forEach((doc, i) => {
    if (doc.contents === null) return;
    const offset = doc.contents.range?.[0];
    const line = offset === undefined ? 1 : lines.linePos(offset).line;
    const index = i + 1;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      documents.push({ doc, index, line, value: undefined, problem });
      return;
    }
    if (value === null || value === undefined) return;
    const problem = keyProblem(doc) ?? jsonProblem(value);
    documents.push(problem ? { doc, index, line, value: undefined, problem } : { doc, index, line, value });
  });
  return documents;
}

/**
 * Reads a stream of YAML documents as kubectl does (see KUBECTL_YAML): a leading byte order mark
 * is dropped, `---` lines must separate documents cleanly, lines inside quoted scalars and flow
 * collections need no indentation. A syntax error anywhere makes the whole stream unreadable;
 * empty documents are left out.
 */
export function readYamlStream(text: string): YamlStream {
  // kubectl hands go-yaml each document on its own, and go-yaml drops a byte order mark that
  // starts its input: at the start of the stream, and right after a separator line.
  const source = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/^(---[^\n]*\n)\uFEFF/gm, '$1');
  const separator = badSeparator(source);
  if (separator) {
    const message = `invalid document separator: only a comment may follow --- (found ${JSON.stringify(separator.rest)})`;
    return { error: { line: separator.line, message } };
  }
  let composed = compose(source);
  if ('docs' in composed && firstError(composed)) {
    // Taken only when it mends the whole stream: otherwise the first complaint about the text as
    // written (an unclosed [ reads like an unindented one) says best where it went wrong.
    const repaired = indentFlowContinuations(source);
    const recomposed = repaired === undefined ? undefined : compose(repaired);
    if (recomposed && !firstError(recomposed)) composed = recomposed;
  }
  if ('error' in composed) return { error: composed.error };
  const error = firstError(composed);
  if (error) return { error };
  return { documents: documentsOf(composed.docs, composed.lines), lines: composed.lines };
}
