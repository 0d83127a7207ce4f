/**
 * The fragments of keepalived.conf a template carries as text (`virtual_server_config`, `raw_check`):
 * read line by line as keepalived reads them, with `#` and `!` comments and `{ }` blocks.
 */

/** One line of a fragment: its words (comment removed; braces are words) and its block depth. */
export interface ConfigLine {
  /** The line as written, trimmed. */
  text: string;
  words: string[];
  /** Depth of the line's first word: 0 at the fragment's top level. */
  depth: number;
}

export interface ConfigFragment {
  lines: ConfigLine[];
  /** Why the braces do not pair up, when they do not. */
  problem?: string;
}

/** Health checkers keepalived knows, as they open a real_server's check block. */
export const CHECKERS: readonly string[] = [
  'TCP_CHECK',
  'HTTP_GET',
  'SSL_GET',
  'MISC_CHECK',
  'SMTP_CHECK',
  'DNS_CHECK',
  'UDP_CHECK',
  'PING_CHECK',
  'BFD_CHECK',
  'FILE_CHECK',
];

/** Checkers whose connection options include connect_timeout (keepalived's common conn_opts). */
export const CONNECTING_CHECKERS: readonly string[] = ['TCP_CHECK', 'HTTP_GET', 'SSL_GET'];

function withoutComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '#' || c === '!')) return line.slice(0, i);
  }
  return line;
}

function wordsOf(line: string): string[] {
  return withoutComment(line).replaceAll('{', ' { ').replaceAll('}', ' } ').split(/\s+/).filter(Boolean);
}

/** Splits a fragment into lines with their depth; blank lines are dropped. */
export function readFragment(text: string): ConfigFragment {
  const lines: ConfigLine[] = [];
  let depth = 0;
  let problem: string | undefined;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (!trimmed) return;
    const words = wordsOf(trimmed);
    lines.push({ text: trimmed, words, depth: words[0] === '}' ? depth - 1 : depth });
    for (const word of words) {
      if (word === '{') depth++;
      if (word === '}') depth--;
      if (depth < 0 && !problem) problem = `the "}" on line ${index + 1} closes no block`;
    }
  });
  if (!problem && depth > 0) problem = `${depth} block${depth > 1 ? 's are' : ' is'} never closed with "}"`;
  return problem === undefined ? { lines } : { lines, problem };
}

/** The keywords the fragment sets at its top level (depth 0). */
export function topLevelKeywords(fragment: ConfigFragment): string[] {
  return fragment.lines
    .filter((l) => l.depth === 0 && l.words[0] !== '}' && l.words[0])
    .map((l) => l.words[0]!);
}

/**
 * The lines indented for a block at `indent` levels (two spaces each), comments kept. A checker
 * block of CONNECTING_CHECKERS without connect_timeout gets `connect_timeout <seconds>` first.
 */
export function indentFragment(fragment: ConfigFragment, indent: number, connectTimeout?: number): string[] {
  const out: string[] = [];
  const pad = (depth: number) => '  '.repeat(indent + Math.max(depth, 0));
  fragment.lines.forEach((line, i) => {
    out.push(`${pad(line.depth)}${line.text}`);
    const opens = line.depth === 0 && line.words[line.words.length - 1] === '{';
    if (connectTimeout === undefined || !opens || !CONNECTING_CHECKERS.includes(line.words[0] ?? '')) return;
    const inside = fragment.lines.slice(i + 1);
    const end = inside.findIndex((l) => l.depth === 0);
    const block = end < 0 ? inside : inside.slice(0, end);
    if (!block.some((l) => l.depth === 1 && l.words[0] === 'connect_timeout'))
      out.push(`${pad(1)}connect_timeout ${connectTimeout}`);
  });
  return out;
}
