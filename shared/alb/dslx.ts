import type { DslxTerm } from '../kube/schemas/alb.js';
import { dslxMatchers } from '../kube/schemas/alb.js';
import { tryParseAddress } from '../net/address.js';

/** The dslx of ALB Rules: terms of a type, each a list of `[OP, operand...]` alternatives. */

export type DslxMatcher = (typeof dslxMatchers)[number];
export type DslxType = DslxTerm['type'];

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

const KEYED_TYPES: readonly DslxType[] = ['PARAM', 'HEADER', 'COOKIE'];
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
const MATCHERS_OF: Readonly<Record<DslxType, readonly DslxMatcher[]>> = {
  METHOD: ['EQ', 'IN'],
  URL: ['EQ', 'STARTS_WITH', 'ENDS_WITH', 'REGEX', 'IN'],
  HOST: ['EQ', 'STARTS_WITH', 'ENDS_WITH', 'REGEX', 'IN'],
  PARAM: ['EQ', 'STARTS_WITH', 'ENDS_WITH', 'REGEX', 'IN', 'EXIST'],
  HEADER: ['EQ', 'STARTS_WITH', 'ENDS_WITH', 'REGEX', 'IN', 'EXIST'],
  COOKIE: ['EQ', 'STARTS_WITH', 'ENDS_WITH', 'REGEX', 'IN', 'EXIST'],
  SRC_IP: ['EQ', 'IN', 'RANGE'],
};

/** A term of one alternative, in the nested form ALB writes. */
export function termOf(type: DslxType, op: DslxMatcher, ...operands: string[]): DslxTerm {
  return { type, values: [[op, ...operands]] };
}

function matcherNamed(name: string): DslxMatcher | undefined {
  return dslxMatchers.find((m) => m === name);
}

function notAMatcher(field: string, name: string): DslxProblem {
  return { field, message: `"${name}" is not a matcher (${dslxMatchers.join(', ')})` };
}

/** The values of a term in the nested form, or undefined when it is written flat. */
function nestedValues(values: DslxTerm['values']): string[][] | undefined {
  const nested: string[][] = [];
  for (const value of values) {
    if (!Array.isArray(value)) return undefined;
    nested.push(value);
  }
  return nested;
}

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
  const nested = nestedValues(term.values);
  if (nested) {
    for (const [i, entry] of nested.entries()) {
      const [name = '', ...operands] = entry;
      const field = `${base}.values[${i}]`;
      const op = matcherNamed(name);
      if (op) alternatives.push({ op, operands, field });
      else problems.push(notAMatcher(`${field}[0]`, name));
    }
    return { alternatives, problems };
  }
  for (const [i, token] of term.values.entries()) {
    if (typeof token !== 'string') continue;
    const op = matcherNamed(token);
    if (op) alternatives.push({ op, operands: [], field: `${base}.values[${i}]` });
    else if (alternatives.length > 0) alternatives[alternatives.length - 1]?.operands.push(token);
    else problems.push(notAMatcher(`${base}.values[${i}]`, token));
  }
  return { alternatives, problems };
}

/** Why `pattern` cannot be compiled, or undefined. */
export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function operandProblems(type: DslxType, alt: DslxAlternative): string[] {
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
