/**
 * What go-yaml (behind kubectl) refuses before reading any YAML: a character outside YAML's
 * printable set (a C0 or C1 control other than tab, line feed, carriage return and next line;
 * DEL; U+FFFE and U+FFFF). Text decoded from bytes that are not UTF-8 holds U+FFFD instead, which
 * is printable, as it is to kubectl.
 */
const NOT_PRINTABLE = /[^\t\n\r\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export interface ControlCharacter {
  /** 1-based. */
  line: number;
  column: number;
  /** `U+0000`. */
  codePoint: string;
}

export function controlCharacter(text: string): ControlCharacter | undefined {
  const match = NOT_PRINTABLE.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const lineStart = before.lastIndexOf('\n') + 1;
  const code = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return { line: before.split('\n').length, column: match.index - lineStart + 1, codePoint: `U+${code}` };
}
