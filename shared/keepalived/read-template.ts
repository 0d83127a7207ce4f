import { type Document, isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { core } from 'zod';
import { instanceSchema, type KeepalivedInstance } from './schema.js';
import { type TemplatePath, type TemplateProblem, templateError } from './template-problem.js';

/** One instance of a template, with where its fields are. */
export interface TemplateInstance {
  instance: KeepalivedInstance;
  /**
   * The path of the instance's fields: `['instances', i, 'vip']` when written nested
   * (`- vip: {vip: ..., id: ...}`, the form alive.yaml uses), `['instances', i]` when flat.
   */
  path: TemplatePath;
}

/** A template that passed its schema: every instance typed. */
export interface KeepalivedTemplate {
  instances: TemplateInstance[];
  /** 1-based line of the key (or list item) at `path`, when the template came from text. */
  lineOf: (path: TemplatePath) => number | undefined;
}

export interface TemplateReading {
  /** Absent when the text is not YAML or does not pass the schema. */
  template?: KeepalivedTemplate;
  /** Why there is no template; every problem has its line when the text tells it. */
  problems: TemplateProblem[];
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'empty';
  return isPlainMap(value) ? 'a mapping' : `a ${typeof value}`;
}

function lineLocator(doc: Document, lines: LineCounter): (path: TemplatePath) => number | undefined {
  const lineOf = (node: unknown): number | undefined => {
    const offset = (node as Node | null | undefined)?.range?.[0];
    return offset === undefined ? undefined : lines.linePos(offset).line;
  };
  return (path) => {
    if (path.length === 0) return lineOf(doc.contents);
    const parent = doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
      if (pair) return lineOf(pair.key);
    }
    return lineOf(doc.getIn(path, true)) ?? lineOf(parent);
  };
}

function schemaProblems(issues: readonly core.$ZodIssue[], prefix: TemplatePath): TemplateProblem[] {
  return issues.flatMap((issue) => {
    const at: TemplatePath = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) =>
        templateError('InvalidKeepalivedTemplate', [...at, key], `unknown field "${key}"`),
      );
    }
    return [templateError('InvalidKeepalivedTemplate', at, issue.message)];
  });
}

/**
 * Where an entry of `instances` keeps its fields. The guide's listing lost its indentation, so both
 * readings of it are accepted: nested (`- vip: {vip: ..., id: ...}`) and flat (`- {vip: ..., id: ...}`).
 */
function instanceFields(
  entry: unknown,
  path: TemplatePath,
): { body: unknown; path: TemplatePath } | TemplateProblem {
  if (!isPlainMap(entry))
    return templateError('InvalidKeepalivedTemplate', path, `is ${describeValue(entry)}, not a mapping`);
  if (!isPlainMap(entry['vip'])) return { body: entry, path };
  const others = Object.keys(entry).filter((key) => key !== 'vip');
  if (others.length > 0) {
    return templateError(
      'InvalidKeepalivedTemplate',
      [...path, others[0]!],
      'an instance is either nested (`- vip: {vip: ..., id: ...}`) or flat (`- {vip: ..., id: ...}`); ' +
        `this one has its fields under vip and also ${others.map((k) => `"${k}"`).join(', ')} beside it`,
    );
  }
  return { body: entry['vip'], path: [...path, 'vip'] };
}

function readInstances(value: unknown): { instances: TemplateInstance[]; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const instances: TemplateInstance[] = [];
  if (!isPlainMap(value)) {
    problems.push(
      templateError(
        'InvalidKeepalivedTemplate',
        [],
        `is ${describeValue(value)}; it must be a mapping with instances`,
      ),
    );
    return { instances, problems };
  }
  for (const key of Object.keys(value).filter((k) => k !== 'instances')) {
    problems.push(templateError('InvalidKeepalivedTemplate', [key], `unknown field "${key}"`));
  }
  const entries = value['instances'];
  if (!Array.isArray(entries) || entries.length === 0) {
    const what =
      entries === undefined
        ? 'is missing'
        : Array.isArray(entries)
          ? 'is empty'
          : `is ${describeValue(entries)}`;
    problems.push(
      templateError(
        'InvalidKeepalivedTemplate',
        ['instances'],
        `${what}; it must list at least one instance`,
      ),
    );
    return { instances, problems };
  }
  entries.forEach((entry, index) => {
    const fields = instanceFields(entry, ['instances', index]);
    if ('severity' in fields) {
      problems.push(fields);
      return;
    }
    const parsed = instanceSchema.safeParse(fields.body);
    if (parsed.success) instances.push({ instance: parsed.data, path: fields.path });
    else problems.push(...schemaProblems(parsed.error.issues, fields.path));
  });
  return { instances, problems };
}

/**
 * Reads template.yaml: YAML whose `instances` are alive.yaml's, each instance nested or flat.
 * Problems name the field and line; a template comes back only when there is none.
 */
export function readTemplate(text: string): TemplateReading {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const problem = templateError('InvalidKeepalivedTemplate', [], `YAML syntax error: ${syntax.message}`);
    return { problems: [{ ...problem, line: lines.linePos(syntax.pos[0]).line }] };
  }
  const lineOf = lineLocator(doc, lines);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problems: [templateError('InvalidKeepalivedTemplate', [], message)] };
  }
  const { instances, problems } = readInstances(value);
  if (problems.length > 0) return { problems: problems.map((p) => ({ ...p, line: lineOf(p.path) })) };
  return { template: { instances, lineOf }, problems: [] };
}

/** A template built in code (no text, so no lines): for renderers' callers and tests. */
export function templateOf(instances: readonly KeepalivedInstance[]): KeepalivedTemplate {
  return {
    instances: instances.map((instance, i) => ({ instance, path: ['instances', i, 'vip'] })),
    lineOf: () => undefined,
  };
}
