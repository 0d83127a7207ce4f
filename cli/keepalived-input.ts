import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { canonicalAddress, familyOf, instanceKey } from '../shared/keepalived/backends.js';
import { TEMPLATE_KEY } from '../shared/keepalived/configmap.js';
import type { KeepalivedTemplate } from '../shared/keepalived/read-template.js';
import { formatTemplatePath, type TemplateProblem } from '../shared/keepalived/template-problem.js';
import { STDIN_NAME } from '../shared/kube/manifests.js';
import { familyName } from '../shared/net/address.js';
import { UnusableInputError } from './input-error.js';
import type { CliIO } from './io.js';

/** The text of FILE, or of standard input for `-`; unreadable input is exit 2 naming the file. */
export async function readInput(file: string, io: CliIO): Promise<{ name: string; text: string }> {
  if (file === '-') return { name: STDIN_NAME, text: await io.readStdin() };
  try {
    return { name: file, text: await readFile(file, 'utf8') };
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new UnusableInputError([`${file}: cannot read (${reason})`]);
  }
}

/** template.yaml's text and how to name a line of it in messages. */
export interface TemplateSource {
  text: string;
  /** `FILE:LINE`, naming the line of the input file the template line is on when it is known. */
  where: (line: number | undefined) => string;
}

/**
 * The template of an input: the file itself, or, when the file is the keepalived ConfigMap, its
 * `data["template.yaml"]`. Lines of a literal block (`template.yaml: |`) map back to the file's.
 */
export function templateSource(name: string, text: string): TemplateSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const plain: TemplateSource = { text, where: (line) => (line === undefined ? name : `${name}:${line}`) };
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.get('kind') !== 'ConfigMap') return plain;
  const field = `data["${TEMPLATE_KEY}"]`;
  const node = doc.getIn(['data', TEMPLATE_KEY], true);
  if (!isScalar(node) || typeof node.value !== 'string') {
    const line = lines.linePos(doc.contents.range[0]).line;
    throw new UnusableInputError([
      `${name}:${line}: ${field}: the ConfigMap holds no template (a string) there`,
    ]);
  }
  const start = node.range?.[0];
  const literal = (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && start !== undefined;
  const first = literal ? lines.linePos(start).line : undefined;
  return {
    text: node.value,
    where: (line) => {
      if (line === undefined) return `${name}: ${field}`;
      return first === undefined ? `${name}: ${field} line ${line}` : `${name}:${first + line}`;
    },
  };
}

/** Problems as the CLI prints them: `FILE:LINE: field: message`. */
export function formatProblems(source: TemplateSource, problems: readonly TemplateProblem[]): string[] {
  return problems.map((p) => `${source.where(p.line)}: ${formatTemplatePath(p.path)}: ${p.message}`);
}

/**
 * `--backends FILE`: a YAML map of instance (its name, or its VIP when it has none) to the
 * addresses of its backends. Every problem names the file, line and instance.
 */
export function readBackends(
  name: string,
  text: string,
  template: KeepalivedTemplate,
): Map<string, string[]> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? name : `${name}:${lines.linePos(offset).line}`;
  const syntax = doc.errors[0];
  if (syntax)
    throw new UnusableInputError([
      `--backends ${lineAt(syntax.pos[0])}: YAML syntax error: ${syntax.message}`,
    ]);
  if (!isMap(doc.contents)) {
    throw new UnusableInputError([
      `--backends ${name}: must be a map of instance name (or VIP) to a list of backend addresses`,
    ]);
  }
  const instances = new Map(template.instances.map((item) => [instanceKey(item.instance), item.instance]));
  const backends = new Map<string, string[]>();
  const problems: string[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const at = `--backends ${lineAt(isScalar(pair.key) ? pair.key.range?.[0] : undefined)}`;
    const instance = key === undefined ? undefined : instances.get(key);
    if (key === undefined || !instance) {
      problems.push(
        `${at}: "${key ?? '?'}" names no instance; the template's are ${[...instances.keys()].join(', ')}`,
      );
      continue;
    }
    if (!isSeq(pair.value)) {
      problems.push(`${at}: ${key}: must be a list of addresses`);
      continue;
    }
    const family = familyOf(instance.vip);
    const addresses: string[] = [];
    for (const item of pair.value.items) {
      const value = isScalar(item) ? item.value : undefined;
      const itemAt = `--backends ${lineAt(isScalar(item) ? item.range?.[0] : undefined)}: ${key}`;
      const own = typeof value === 'string' ? familyOf(value) : undefined;
      if (typeof value !== 'string' || own === undefined)
        problems.push(`${itemAt}: "${String(value)}" is not an IP address`);
      else if (family !== undefined && own !== family) {
        problems.push(
          `${itemAt}: backend ${value} is ${familyName(own)}, the VIP ${instance.vip} is ${familyName(family)}`,
        );
      } else if (canonicalAddress(value) === canonicalAddress(instance.vip)) {
        problems.push(`${itemAt}: backend ${value} is the instance's VIP`);
      } else addresses.push(value);
    }
    backends.set(key, addresses);
  }
  if (problems.length > 0) throw new UnusableInputError(problems);
  return backends;
}

/** Instances that take their backends from an ALB2 need them given offline. */
export function missingBackends(
  source: TemplateSource,
  template: KeepalivedTemplate,
  backends: ReadonlyMap<string, readonly string[]>,
): string[] {
  return template.instances
    .filter(({ instance }) => instance.alb !== undefined && !backends.has(instanceKey(instance)))
    .map((item) => {
      const path = [...item.path, 'alb'];
      const key = instanceKey(item.instance);
      return `${source.where(template.lineOf(path))}: ${formatTemplatePath(path)}: takes its backends from ALB2 "${item.instance.alb}"; give them offline with --backends FILE (${key}: [addresses])`;
    });
}
