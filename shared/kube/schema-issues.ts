import type { core } from 'zod';
import { meantFields } from './model/schema-fields.js';

/** One schema violation, with a kubectl-style field path (`spec.listeners[0].hostname`). */
export interface SchemaIssue {
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Reflect.get(current, key);
  }
  return current;
}

const MAX_SHOWN = 64;

/** A scalar as it would be written in YAML or JSON: strings quoted, long ones cut. */
function literal(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
    return JSON.stringify(cut);
  }
  return String(value);
}

function isScalar(value: unknown): value is string | number | boolean | bigint | null {
  return value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value);
}

/** What a value is, in words: `a number (80)`, `a string ("80")`, `a list`, `null`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  switch (typeof value) {
    case 'string':
      return `a string (${literal(value)})`;
    case 'number':
    case 'bigint':
      return `a number (${literal(value)})`;
    case 'boolean':
      return `a boolean (${value})`;
    default:
      return 'an object';
  }
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  bigint: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  record: 'an object',
  map: 'an object',
  array: 'a list',
  tuple: 'a list',
  set: 'a list',
  null: 'null',
  date: 'a date',
  nan: 'NaN',
};

function typeWords(expected: string): string {
  return TYPE_WORDS[expected] ?? `a ${expected}`;
}

const MAX_LISTED = 20;

/** `"ingress"`, or `one of "HTTP", "HTTPS", "TCP"`. */
function oneOf(values: readonly unknown[]): string {
  if (values.length === 1) return literal(values[0]);
  const listed = values.slice(0, MAX_LISTED).map(literal).join(', ');
  const more = values.length > MAX_LISTED ? `, … (${values.length - MAX_LISTED} more)` : '';
  return `one of ${listed}${more}`;
}

/** `(got "http"; did you mean "HTTP"?)` when an allowed value differs from the given one only in case. */
function gotValue(value: unknown, allowed: readonly unknown[]): string {
  const shown = isScalar(value) ? literal(value) : describeValue(value);
  const meant =
    typeof value === 'string'
      ? allowed.find((a) => typeof a === 'string' && a.toLowerCase() === value.toLowerCase())
      : undefined;
  return meant === undefined ? `(got ${shown})` : `(got ${shown}; did you mean ${literal(meant)}?)`;
}

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  email: 'an email address',
  url: 'a URL',
  uuid: 'a UUID',
  uuidv4: 'a UUIDv4',
  uuidv6: 'a UUIDv6',
  guid: 'a GUID',
  datetime: 'an ISO 8601 date and time',
  date: 'an ISO 8601 date',
  time: 'an ISO 8601 time',
  duration: 'an ISO 8601 duration',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  cidrv4: 'an IPv4 CIDR',
  cidrv6: 'an IPv6 CIDR',
  mac: 'a MAC address',
  hostname: 'a host name',
  base64: 'base64 text',
  base64url: 'base64url text',
  json_string: 'a JSON string',
  e164: 'an E.164 phone number',
};

/** zod's own English messages all read so; a message a schema sets is anything else. */
const ZOD_DEFAULT = /^(Invalid |Too (big|small): )/;

/** The schema's own message for an issue, when it set one instead of zod's default. */
function ownMessage(issue: core.$ZodIssue): string | undefined {
  return ZOD_DEFAULT.test(issue.message) ? undefined : issue.message;
}

/** A message gets the value appended, unless it is not a scalar or a string the message quotes already. */
function withValue(message: string, value: unknown): string {
  if (!isScalar(value) || (typeof value === 'string' && message.includes(literal(value)))) return message;
  return `${message} (got ${literal(value)})`;
}

function sizeUnit(origin: string, n: number | bigint): string {
  const plural = n !== 1 && n !== 1n;
  switch (origin) {
    case 'string':
      return plural ? 'characters' : 'character';
    case 'map':
      return plural ? 'entries' : 'entry';
    case 'file':
      return plural ? 'bytes' : 'byte';
    default:
      return plural ? 'items' : 'item';
  }
}

function sizeOf(value: unknown): number | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (value instanceof Set || value instanceof Map) return value.size;
  return undefined;
}

function bound(issue: core.$ZodIssueTooSmall | core.$ZodIssueTooBig, value: unknown): string {
  const small = issue.code === 'too_small';
  const limit = small ? issue.minimum : issue.maximum;
  const size = sizeOf(value);
  if (
    issue.origin === 'number' ||
    issue.origin === 'int' ||
    issue.origin === 'bigint' ||
    size === undefined
  ) {
    const relation = issue.exact
      ? 'exactly'
      : small
        ? issue.inclusive === false
          ? 'greater than'
          : 'at least'
        : issue.inclusive === false
          ? 'less than'
          : 'at most';
    return withValue(`must be ${relation} ${limit}`, value);
  }
  if (small && !issue.exact && Number(limit) === 1)
    return issue.origin === 'string'
      ? 'must not be empty'
      : `must have at least 1 ${sizeUnit(issue.origin, 1)}`;
  const relation = issue.exact ? 'exactly' : small ? 'at least' : 'at most';
  const unit = sizeUnit(issue.origin, limit);
  const phrase =
    issue.origin === 'string'
      ? `must be ${relation} ${limit} ${unit} long`
      : `must have ${relation} ${limit} ${unit}`;
  return size === 0 ? phrase : `${phrase} (got ${size})`;
}

function formatMismatch(issue: core.$ZodIssueInvalidStringFormat, value: unknown): string {
  const own = ownMessage(issue);
  if (own) return withValue(own, value);
  const shown = literal(value);
  if (issue.format === 'regex' && issue.pattern) return `${shown} does not match ${issue.pattern}`;
  if ('prefix' in issue && issue.format === 'starts_with')
    return `must start with ${literal(issue.prefix)} (got ${shown})`;
  if ('suffix' in issue && issue.format === 'ends_with')
    return `must end with ${literal(issue.suffix)} (got ${shown})`;
  if ('includes' in issue && issue.format === 'includes')
    return `must contain ${literal(issue.includes)} (got ${shown})`;
  return `${shown} is not ${FORMAT_WORDS[issue.format] ?? `a valid ${issue.format}`}`;
}

const MISSING = 'required field is missing';

/** What one issue means for the value it is about, in words (unknown fields and unions aside). */
function describeIssue(issue: core.$ZodIssue, value: unknown): string {
  const own = ownMessage(issue);
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return `${MISSING} (${own ?? typeWords(issue.expected)})`;
      if (own) return withValue(own, value);
      if (issue.expected === 'never' || issue.expected === 'undefined') return 'must not be set';
      return `expected ${typeWords(issue.expected)}, got ${describeValue(value)}`;
    }
    case 'invalid_value':
      if (value === undefined) return `${MISSING} (${own ?? oneOf(issue.values)})`;
      if (own) return withValue(own, value);
      return `must be ${oneOf(issue.values)} ${gotValue(value, issue.values)}`;
    case 'too_small':
    case 'too_big':
      return own ?? bound(issue, value);
    case 'invalid_format':
      return formatMismatch(issue, value);
    case 'not_multiple_of':
      return own ? withValue(own, value) : withValue(`must be a multiple of ${issue.divisor}`, value);
    case 'invalid_key': {
      const key = issue.path[issue.path.length - 1];
      return `invalid key: ${issue.issues.map((nested) => describeIssue(nested, key)).join('; ')}`;
    }
    case 'invalid_element':
      return `invalid ${issue.origin} element: ${issue.issues.map((nested) => describeIssue(nested, value)).join('; ')}`;
    case 'custom':
      return own ?? 'not a valid value';
    default:
      return issue.message;
  }
}

/** What a union branch that failed on the value itself expected, in words; undefined otherwise. */
function rootExpectation(branch: readonly core.$ZodIssue[]): { words: string; format: boolean } | undefined {
  const [only] = branch;
  if (branch.length !== 1 || !only || only.path.length > 0) return undefined;
  if (only.code === 'invalid_type') return { words: typeWords(only.expected), format: false };
  if (only.code === 'invalid_value') return { words: oneOf(only.values), format: false };
  const format = only.code === 'invalid_format' && !ownMessage(only) ? FORMAT_WORDS[only.format] : undefined;
  return format ? { words: format, format: true } : undefined;
}

function describeUnion(issue: core.$ZodIssueInvalidUnion, value: unknown): string | undefined {
  if (issue.inclusive === false) return 'matches more than one of its alternatives';
  if (issue.options && issue.options.length > 0) {
    if (value === undefined) return `${MISSING} (${oneOf(issue.options)})`;
    return `must be ${oneOf(issue.options)} ${gotValue(value, issue.options)}`;
  }
  if (issue.errors.length === 0) return 'not a valid value';
  const expectations = issue.errors.map(rootExpectation);
  if (!expectations.every((e) => e !== undefined)) return undefined;
  const expected = [...new Set(expectations.map((e) => e.words))].join(' or ');
  if (value === undefined) return `${MISSING} (${expected})`;
  if (expectations.every((e) => e.format)) return `${literal(value)} is not ${expected}`;
  return `expected ${expected}, got ${describeValue(value)}`;
}

function unknownFields(
  issue: core.$ZodIssueUnrecognizedKeys,
  schema: core.$ZodType | undefined,
  kept: boolean,
): SchemaIssue[] {
  const path = formatPath(issue.path);
  return issue.keys.map((key) => {
    const full = path ? `${path}.${key}` : key;
    const meant = schema ? meantFields(schema, issue.path, key, path) : [];
    let message = kept ? `unknown field "${full}" is stored but not read` : `unknown field "${full}"`;
    if (meant.length > 0) message += `; did you mean ${meant.map((m) => `"${m}"`).join(' or ')}?`;
    return { path: full, message };
  });
}

/**
 * Schema issues in words, each on the field it is about: what is wrong and what is expected
 * (`spec.listeners[0].port: required field is missing (a number)`). `input` is the value that was
 * read (the messages look at it: a field is missing, or holds the wrong thing); with the `schema`
 * that read it, an unknown field is told where it was probably meant to go.
 */
export function formatZodIssues(
  issues: readonly core.$ZodIssue[],
  input: unknown,
  schema?: core.$ZodType,
): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  // zod goes on to check a value of the wrong type (a string's length against an array's bounds):
  // once the type is wrong, nothing more is said about that value.
  const wrongType = new Set(issues.filter((i) => i.code === 'invalid_type').map((i) => formatPath(i.path)));
  for (const issue of issues) {
    if (issue.code !== 'invalid_type' && wrongType.has(formatPath(issue.path))) continue;
    if (issue.code === 'unrecognized_keys') {
      out.push(...unknownFields(issue, schema, false));
      continue;
    }
    const value = valueAt(input, issue.path);
    const path = formatPath(issue.path) || '<root>';
    if (issue.code === 'invalid_union') {
      const message = describeUnion(issue, value);
      if (message) {
        out.push({ path, message });
        continue;
      }
      // Report the branch that got furthest: the one with the fewest issues.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      const nested = best.map((n) => ({ ...n, path: [...issue.path, ...n.path] }));
      out.push(...formatZodIssues(nested, input, schema));
      continue;
    }
    out.push({ path, message: describeIssue(issue, value) });
  }
  return out;
}

/**
 * Unknown fields of an object whose kind keeps them (x-kubernetes-preserve-unknown-fields): the
 * API server stores them, but they are no field of the kind, so nothing acts on them.
 */
export function formatKeptUnknownFields(
  issue: core.$ZodIssueUnrecognizedKeys,
  schema: core.$ZodType,
): SchemaIssue[] {
  return unknownFields(issue, schema, true);
}
