import { CST, Parser } from 'yaml';
import { walkTokens } from './cst-walk.js';

/*
 * go-yaml (kubectl) does not require the lines of a quoted scalar or of a flow collection to be
 * indented more than the block collection around them; the yaml package does, and ends the quoted
 * scalar or flow collection at the first line that is not. JSON pasted into a mapping, such as
 *
 *   spec:
 *     config: '{
 *       "cniVersion": "0.3.0"
 *     }'
 *
 * then reads as a missing closing quote. Inside a quoted scalar or a flow collection the spaces
 * that start a line never count (line folding drops them), so indenting those lines further
 * changes no value: the yaml package then reads what go-yaml reads. Lines are only ever widened,
 * so every line keeps its number.
 */

/**
 * Characters reparsed in all while mending, at least: each round reparses the whole text and mends
 * only the first cut of each document, so a document of many cuts costs rounds × text. A text not
 * mended within max(this, 4 × its length) keeps its syntax error (kubectl would read it); a
 * document of 400 cut scalars took seconds per round before the bound.
 */
export const REPARSE_BUDGET = 2 * 1024 * 1024;

type FlowScalar = CST.FlowScalar & { type: 'single-quoted-scalar' | 'double-quoted-scalar' };

function isQuoted(token: CST.Token): token is FlowScalar {
  return token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar';
}

/** Where the quoted scalar opened at `start` closes, by the yaml lexer's own rule; -1 if never. */
function closingQuote(text: string, start: number): number {
  const quote = text[start] as string;
  let end = text.indexOf(quote, start + 1);
  if (quote === "'") {
    while (end !== -1 && text[end + 1] === "'") end = text.indexOf("'", end + 2);
    return end;
  }
  while (end !== -1) {
    let backslashes = 0;
    while (text[end - 1 - backslashes] === '\\') backslashes += 1;
    if (backslashes % 2 === 0) break;
    end = text.indexOf('"', end + 1);
  }
  return end;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function leadingSpaces(text: string, start: number): number {
  let n = 0;
  while (text[start + n] === ' ') n += 1;
  return n;
}

/** `---` or `...` at the start of a line: a document marker that no repair may move. */
function isDocumentMarker(text: string, start: number): boolean {
  const marker = text.slice(start, start + 3);
  const after = text[start + 3];
  return (
    (marker === '---' || marker === '...') && (after === undefined || after === ' ' || /[\t\r\n]/.test(after))
  );
}

/** Spaces to insert: [line start, count], in text order. */
type Insertions = [number, number][];

/** The under-indented lines of a quoted scalar cut short, or undefined if it cannot be mended. */
function quotedScalarRepair(text: string, token: FlowScalar): Insertions | undefined {
  const end = closingQuote(text, token.offset);
  if (end === -1) return undefined;
  const column = token.offset - lineStart(text, token.offset);
  const insertions: Insertions = [];
  for (let nl = text.indexOf('\n', token.offset); nl !== -1 && nl < end; nl = text.indexOf('\n', nl + 1)) {
    const start = nl + 1;
    if (isDocumentMarker(text, start)) return undefined;
    const spaces = leadingSpaces(text, start);
    if (spaces < column) insertions.push([start, column - spaces]);
  }
  return insertions.length > 0 ? insertions : undefined;
}

function isClosedQuote(text: string, token: FlowScalar): boolean {
  return closingQuote(text, token.offset) === token.offset + token.source.length - 1;
}

function isClosedCollection(token: CST.FlowCollection): boolean {
  const closer = token.start.source === '{' ? '}' : ']';
  return token.end.some((end) => end.source === closer);
}

/** The line a flow collection was cut short at, or undefined if it was not cut by indentation. */
function flowCollectionRepair(text: string, token: CST.FlowCollection): Insertions | undefined {
  const start = lineStart(text, token.offset + CST.stringify(token).length);
  const column = token.offset - lineStart(text, token.offset);
  const spaces = leadingSpaces(text, start);
  if (start <= token.offset || spaces >= column || isDocumentMarker(text, start)) return undefined;
  return [[start, column - spaces]];
}

/**
 * How to mend the first quoted scalar or flow collection of a document the yaml package cut
 * short; undefined when none was, or when the first one was cut short by something else than
 * indentation. What follows a cut is misread, so only the first cut of a document is known.
 */
function firstRepair(text: string, document: CST.Token): Insertions | undefined {
  for (const { token } of walkTokens([document])) {
    if (isQuoted(token) && !isClosedQuote(text, token)) return quotedScalarRepair(text, token);
    if (token.type === 'flow-collection' && !isClosedCollection(token))
      return flowCollectionRepair(text, token);
  }
  return undefined;
}

/** One round of mending: the first cut of every document (the lexer starts afresh at ---). */
function roundOfRepairs(text: string): Insertions {
  const insertions: Insertions = [];
  for (const document of new Parser().parse(text))
    for (const insertion of firstRepair(text, document) ?? []) insertions.push(insertion);
  return insertions;
}

function insertSpaces(text: string, insertions: Insertions): string {
  const pieces: string[] = [];
  let from = 0;
  for (const [at, count] of insertions) {
    pieces.push(text.slice(from, at), ' '.repeat(count));
    from = at;
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}

/**
 * The text with the lines of quoted scalars and flow collections indented far enough for the yaml
 * package, when some were not; undefined when nothing needed it.
 */
export function indentFlowContinuations(text: string): string | undefined {
  let repaired = text;
  let budget = Math.max(REPARSE_BUDGET, 4 * text.length);
  while (budget > 0) {
    const insertions = roundOfRepairs(repaired);
    budget -= repaired.length;
    if (insertions.length === 0) break;
    repaired = insertSpaces(repaired, insertions);
  }
  // Mended in part: the caller takes it only if the rest needs no mending.
  return repaired === text ? undefined : repaired;
}
