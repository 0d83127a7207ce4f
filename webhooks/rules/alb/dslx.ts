import type { DslxTerm } from '../../../shared/kube/schemas/alb.js';
import { dslxMatchers } from '../../../shared/kube/schemas/alb.js';
import { tryParseAddress } from '../../../shared/net/address.js';

export type DslxMatcher = (typeof dslxMatchers)[number];

/** One alternative of a term: `[OP, operand...]`. */
export interface DslxAlternative {
  op: DslxMatcher;
  operands: string[];
  /** `values[i]` for the nested form, `values[i..]` for the flat one. */
  field: string;
}

export interface DslxProblem {
  field: string;
  message: string;
}

const MATCHERS: ReadonlySet<string> = new Set(dslxMatchers);
const KEYED_TYPES: readonly string[] = ['PARAM', 'HEADER', 'COOKIE'];
const HTTP_METHODS: readonly string[] = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'CONNECT',
  'TRACE',
];

/** Operand count per matcher: exact, or a minimum for IN. */
const ARITY: Readonly<Record<DslxMatcher, { min: number; max: number }>> = {
  EQ: { min: 1, max: 1 },
  STARTS_WITH: { min: 1, max: 1 },
  ENDS_WITH: { min: 1, max: 1 },
  REGEX: { min: 1, max: 1 },
  IN: { min: 1, max: Number.POSITIVE_INFINITY },
  RANGE: { min: 2, max: 2 },
  EXIST: { min: 0, max: 0 },
};

/** Matchers each type takes: RANGE compares addresses, EXIST tests a keyed value's presence. */
const MATCHERS_OF: Readonly<Record<DslxTerm['type'], readonly DslxMatcher[]>> = {
  METHOD: ['EQ', 'IN'],
  URL: ['EQ', 'STARTS_WITH', 'ENDS_WITH', 'REGEX', 'IN'],
  HOST: ['EQ', 'STARTS_WITH', 'ENDS_WITH', 'REGEX', 'IN'],
  PARAM: ['EQ', 'STARTS_WITH', 'ENDS_WITH', 'REGEX', 'IN', 'EXIST'],
  HEADER: ['EQ', 'STARTS_WITH', 'ENDS_WITH', 'REGEX', 'IN', 'EXIST'],
  COOKIE: ['EQ', 'STARTS_WITH', 'ENDS_WITH', 'REGEX', 'IN', 'EXIST'],
  SRC_IP: ['EQ', 'IN', 'RANGE'],
};

/**
 * The alternatives of a term. Nested form: each entry is `[OP, operand...]`. Flat form (the guide's
 * example): a run of tokens where each matcher name starts a new alternative.
 */
export function alternativesOf(
  term: DslxTerm,
  base: string,
): { alternatives: DslxAlternative[]; problems: DslxProblem[] } {
  const alternatives: DslxAlternative[] = [];
  const problems: DslxProblem[] = [];
  const values = term.values as unknown[];
  if (values.every((v) => Array.isArray(v))) {
    for (const [i, entry] of (values as string[][]).entries()) {
      const [op = '', ...operands] = entry;
      const field = `${base}.values[${i}]`;
      if (MATCHERS.has(op)) alternatives.push({ op: op as DslxMatcher, operands, field });
      else
        problems.push({
          field: `${field}[0]`,
          message: `"${op}" is not a matcher (${dslxMatchers.join(', ')})`,
        });
    }
    return { alternatives, problems };
  }
  for (const [i, token] of (values as string[]).entries()) {
    if (MATCHERS.has(token))
      alternatives.push({ op: token as DslxMatcher, operands: [], field: `${base}.values[${i}]` });
    else if (alternatives.length > 0) alternatives[alternatives.length - 1]?.operands.push(token);
    else
      problems.push({
        field: `${base}.values[${i}]`,
        message: `"${token}" is not a matcher (${dslxMatchers.join(', ')})`,
      });
  }
  return { alternatives, problems };
}

/** Why `pattern` cannot be compiled, or undefined. */
export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function operandProblems(type: DslxTerm['type'], alt: DslxAlternative): string[] {
  const out: string[] = [];
  if (alt.op === 'REGEX') {
    const problem = regexProblem(alt.operands[0] ?? '');
    if (problem) out.push(`REGEX "${alt.operands[0]}" does not compile: ${problem}`);
  }
  if (type === 'METHOD') {
    for (const method of alt.operands) {
      if (!HTTP_METHODS.includes(method))
        out.push(`"${method}" is not an HTTP method (${HTTP_METHODS.join(', ')})`);
    }
  }
  if (type === 'SRC_IP') {
    const parsed = alt.operands.map((a) => tryParseAddress(a));
    alt.operands.forEach((operand, i) => {
      if (!parsed[i]) out.push(`"${operand}" is not an IP address`);
    });
    const [from, to] = parsed;
    if (alt.op === 'RANGE' && from && to) {
      if (from.family !== to.family)
        out.push(`RANGE ${alt.operands[0]} - ${alt.operands[1]} mixes IPv4 and IPv6`);
      else if (from.value > to.value)
        out.push(`RANGE ${alt.operands[0]} - ${alt.operands[1]} ends before it starts`);
    }
  }
  return out;
}

/** The dslx grammar: types, matchers each type takes, arity, keys, and well-formed operands. */
export function dslxProblems(terms: readonly DslxTerm[]): DslxProblem[] {
  const out: DslxProblem[] = [];
  for (const [t, term] of terms.entries()) {
    const base = `spec.dslx[${t}]`;
    const keyed = KEYED_TYPES.includes(term.type);
    if (keyed && !term.key)
      out.push({
        field: `${base}.key`,
        message: `a ${term.type} term needs the ${term.type.toLowerCase()} name in key`,
      });
    if (!keyed && term.key)
      out.push({
        field: `${base}.key`,
        message: `a ${term.type} term takes no key (only ${KEYED_TYPES.join(', ')} do)`,
      });
    const { alternatives, problems } = alternativesOf(term, base);
    out.push(...problems);
    for (const alt of alternatives) {
      if (!MATCHERS_OF[term.type].includes(alt.op)) {
        out.push({
          field: alt.field,
          message: `${term.type} takes ${MATCHERS_OF[term.type].join(', ')}, not ${alt.op}`,
        });
        continue;
      }
      const { min, max } = ARITY[alt.op];
      const n = alt.operands.length;
      if (n < min || n > max) {
        const want = min === max ? `${min}` : `at least ${min}`;
        out.push({ field: alt.field, message: `${alt.op} takes ${want} operand(s), got ${n}` });
        continue;
      }
      for (const message of operandProblems(term.type, alt)) out.push({ field: alt.field, message });
    }
  }
  return out;
}
