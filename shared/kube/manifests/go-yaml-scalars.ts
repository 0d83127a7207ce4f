import type { ScalarTag } from 'yaml';

/*
 * How go-yaml v2 (the reader behind kubectl's sigs.k8s.io/yaml) resolves scalars, after its
 * resolve.go and decode.go: a plain scalar is looked up among the YAML 1.1 words (yes/on/~ ...),
 * then, when it starts with a digit or a sign, read as a Go integer literal of any base once its
 * underscores are dropped (0755, 0o755, 0x1F, 0b101), then as a float; anything else is a string.
 * Quoted scalars are strings. An explicit tag (!!int "42") resolves the text the same way and
 * must agree with what it finds, except that !!float takes integers, !!str and !!binary take
 * anything, and tags it does not know (!custom, !!set) leave the text a string.
 */

const TAG = 'tag:yaml.org,2002:';

type Resolved =
  | { tag: 'null'; value: null }
  | { tag: 'bool'; value: boolean }
  | { tag: 'int'; value: number; exact?: false }
  | { tag: 'int' | 'float'; value: number }
  | { tag: 'timestamp' | 'str'; value: string };

const WORDS = new Map<string, Resolved>();
for (const [words, resolved] of [
  ['y Y yes Yes YES true True TRUE on On ON', { tag: 'bool', value: true }],
  ['n N no No NO false False FALSE off Off OFF', { tag: 'bool', value: false }],
  ['~ null Null NULL', { tag: 'null', value: null }],
  ['.nan .NaN .NAN', { tag: 'float', value: Number.NaN }],
  ['.inf .Inf .INF +.inf +.Inf +.INF', { tag: 'float', value: Number.POSITIVE_INFINITY }],
  ['-.inf -.Inf -.INF', { tag: 'float', value: Number.NEGATIVE_INFINITY }],
] as const) {
  for (const word of words.split(' ')) WORDS.set(word, resolved);
}
WORDS.set('', { tag: 'null', value: null });

/** strconv.ParseInt(s, 0, 64) and ParseUint's syntax: a sign, then a Go integer literal. */
const GO_INTEGER = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]*)|([1-9][0-9]*))$/;
/** yamlStyleFloat of resolve.go. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What strconv.ParseFloat takes of a text starting with a dot. */
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** The integer, and whether a double holds it exactly (go-yaml keeps 64-bit integers exact). */
function goInteger(text: string): { value: number; exact: boolean } | undefined {
  const match = GO_INTEGER.exec(text);
  if (!match) return undefined;
  const [, sign, hex, octal, binary, leadingZero, decimal] = match;
  let magnitude: bigint;
  if (hex !== undefined) magnitude = BigInt(`0x${hex}`);
  else if (octal !== undefined) magnitude = BigInt(`0o${octal}`);
  else if (binary !== undefined) magnitude = BigInt(`0b${binary}`);
  else if (leadingZero !== undefined) magnitude = leadingZero === '' ? 0n : BigInt(`0o${leadingZero}`);
  else magnitude = BigInt(decimal as string);
  const value = sign === '-' ? -magnitude : magnitude;
  // int64, or uint64 for an unsigned literal past it: beyond both the text is not an integer.
  const fits = sign === '' ? value <= UINT64_MAX : value >= INT64_MIN && value <= UINT64_MAX >> 1n;
  if (!fits) return undefined;
  const double = Number(value);
  return { value: double, exact: BigInt(double) === value };
}

function goFloat(text: string, pattern: RegExp): number | undefined {
  if (!pattern.test(text)) return undefined;
  const value = Number(text);
  // ParseFloat fails on a value out of range, and the text stays a string.
  return Number.isFinite(value) ? value : undefined;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[-+]\d{2}:\d{2})?)?$/;

/** The formats parseTimestamp of resolve.go accepts, with time.Parse's range checks. */
function isGoTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  const [, year, month, day, t, space, hour, minute, second, zone] = match;
  if (t !== undefined && zone === undefined) return false;
  if (space !== undefined && zone !== undefined) return false;
  const m = Number(month);
  const d = Number(day);
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && !leap(Number(year)) ? 28 : (DAYS_IN_MONTH[m - 1] ?? 0);
  if (m < 1 || m > 12 || d < 1 || d > days) return false;
  if (hour === undefined) return true;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  if (zone === undefined || zone === 'Z') return true;
  return Number(zone.slice(1, 3)) <= 24 && Number(zone.slice(4, 6)) <= 60;
}

/** resolve() of resolve.go for an untagged plain scalar, or under the tag `tag`. */
function goResolve(text: string, tag?: 'timestamp'): Resolved {
  const word = WORDS.get(text);
  if (word) return word;
  const first = text[0] ?? '';
  if (first === '.') {
    const value = goFloat(text, DOT_FLOAT);
    if (value !== undefined) return { tag: 'float', value };
  } else if (/[-+0-9]/.test(first)) {
    if ((tag === undefined || tag === 'timestamp') && isGoTimestamp(text))
      return { tag: 'timestamp', value: text };
    const plain = text.replaceAll('_', '');
    const int = goInteger(plain);
    if (int)
      return int.exact ? { tag: 'int', value: int.value } : { tag: 'int', value: int.value, exact: false };
    const float = goFloat(plain, YAML_STYLE_FLOAT);
    if (float !== undefined) return { tag: 'float', value: float };
  }
  return { tag: 'str', value: text };
}

/**
 * The value of a resolved scalar; an integer a double cannot hold is an error, as acpnet would
 * check another number than the one kubectl sends.
 */
function resolvedValue(resolved: Resolved, text: string, onError: (message: string) => void): unknown {
  if ('exact' in resolved) onError(`${text} is an integer beyond what acpnet reads exactly (2^53)`);
  return resolved.value;
}

/** A plain scalar's value as go-yaml gives it to sigs.k8s.io/yaml (a timestamp stays its text). */
function plainValue(text: string, onError: (message: string) => void): unknown {
  return resolvedValue(goResolve(text), text, onError);
}

/** Matches every plain scalar that go-yaml does not read as a string. */
class GoResolvesPattern extends RegExp {
  constructor() {
    super('');
  }
  override test(text: string): boolean {
    const { tag } = goResolve(text);
    return tag !== 'str' && tag !== 'timestamp';
  }
}

/**
 * Plain scalars that go-yaml does not read as strings. Given to a writer's schema, it makes the
 * writer quote every string go-yaml would read otherwise (`0o755`, `1__0`).
 */
export const GO_YAML_PLAIN: ScalarTag = {
  tag: `${TAG}null`,
  default: true,
  test: new GoResolvesPattern(),
  // The value decides the kind; the tag name given here is never shown.
  resolve: plainValue,
};

/** An explicit tag, resolved as go-yaml does: the text must resolve to the tag's kind. */
function explicitTag(kind: 'bool' | 'int' | 'float' | 'null' | 'timestamp'): ScalarTag {
  return {
    tag: `${TAG}${kind}`,
    default: false,
    resolve(text, onError) {
      const resolved = goResolve(text, kind === 'timestamp' ? 'timestamp' : undefined);
      if (resolved.tag === kind) return resolvedValue(resolved, text, onError);
      if (kind === 'float' && resolved.tag === 'int') return resolved.value;
      onError(`cannot decode !!${resolved.tag} \`${text}\` as a !!${kind}`);
      return text;
    },
  };
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** !!binary: go-yaml decodes the base64 (line breaks skipped) into a string of its bytes. */
const binary: ScalarTag = {
  tag: `${TAG}binary`,
  default: false,
  resolve(text, onError) {
    const compact = text.replace(/[\r\n]/g, '');
    if (!BASE64.test(compact)) {
      onError('!!binary value contains invalid base64 data');
      return text;
    }
    return Buffer.from(compact, 'base64').toString('utf8');
  },
};

/**
 * The scalar tags of the kubectl dialect, to use with the failsafe schema (mappings, sequences,
 * strings) and known tags not resolved, so that !!set, !!omap and !!pairs read as the plain
 * collections go-yaml makes of them.
 */
export const GO_YAML_SCALAR_TAGS: ScalarTag[] = [
  GO_YAML_PLAIN,
  explicitTag('null'),
  explicitTag('bool'),
  explicitTag('int'),
  explicitTag('float'),
  explicitTag('timestamp'),
  binary,
];
