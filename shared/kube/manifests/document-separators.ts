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
