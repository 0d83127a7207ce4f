import type { CST } from 'yaml';

/** A line kubectl refuses as a document separator. */
export interface BadSeparator {
  /** 1-based. */
  line: number;
  /** What follows the `---`. */
  rest: string;
}

/**
 * kubectl splits a stream into documents at every line that starts with `---`, before any YAML is
 * read, and refuses such a line when anything but blanks or a comment follows the dashes
 * (`--- {a: 1}`, `--- !tag`, `---x`), which YAML itself would take as the start of a document.
 */
export function badSeparator(text: string): BadSeparator | undefined {
  let start = 0;
  for (let line = 1; start < text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (text.startsWith('---', start)) {
      const rest = text.slice(start + 3, stop).trim();
      if (rest !== '' && !rest.startsWith('#')) return { line, rest };
    }
    start = stop + 1;
  }
  return undefined;
}

/** Where a stream departs from what kubectl's splitting leaves go-yaml to read, and how. */
export interface SplitProblem {
  offset: number;
  message: string;
}

/**
 * kubectl drops every `---` line before go-yaml sees a document, so a directive (`%YAML 1.1`),
 * which needs one after it, always fails there; and go-yaml reads only the first document of what
 * lies between two `---` lines, so a document that follows `...` without a `---` of its own is
 * silently lost. acpnet refuses both rather than check an object kubectl would never apply.
 * Fed the top-level tokens of a stream in order, one at a time.
 */
export class SplitChecker {
  private ended = false;

  next(token: CST.Token): SplitProblem | undefined {
    if (token.type === 'directive')
      return { offset: token.offset, message: 'kubectl refuses YAML directives' };
    if (token.type === 'doc-end') this.ended = true;
    if (token.type !== 'document') return undefined;
    const explicit = token.start.some((start) => start.type === 'doc-start');
    if (this.ended && !explicit && token.value) {
      return {
        offset: token.value.offset,
        message: 'a document after a document end marker (...) needs a --- line, or kubectl ignores it',
      };
    }
    if (explicit) this.ended = false;
    return undefined;
  }
}
