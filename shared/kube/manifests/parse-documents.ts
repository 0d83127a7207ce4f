import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';
import { isPlainObject, type JsonObject } from '../json-value.js';
import type { KubeObject } from '../object.js';
import { ManifestError } from './manifest-error.js';
import { KUBECTL_YAML } from './yaml-dialect.js';

/** One object read from input, with where it came from. */
export interface Manifest {
  object: KubeObject;
  /** `FILE#DOC`, DOC being the 1-based index of the YAML document in the file. */
  source: string;
  file: string;
  document: number;
  /** 1-based line where the object starts. */
  line: number;
}

export interface ParseResult {
  manifests: Manifest[];
  errors: ManifestError[];
}

/** Why a value cannot be JSON: a cycle through an alias, or a number JSON has no form for. */
function jsonProblem(value: unknown, path: string, ancestors: Set<unknown>): string | undefined {
  if (typeof value === 'number' && !Number.isFinite(value))
    return `${path || 'value'}: ${value} is not a JSON number`;
  if (typeof value !== 'object' || value === null) return undefined;
  if (ancestors.has(value)) return `${path || 'value'}: an alias refers to the value that contains it`;
  ancestors.add(value);
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [`${path}[${i}]`, item])
    : Object.entries(value).map(([key, member]) => [path ? `${path}.${key}` : key, member]);
  for (const [childPath, child] of entries) {
    const problem = jsonProblem(child, childPath, ancestors);
    if (problem) return problem;
  }
  ancestors.delete(value);
  return undefined;
}

function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'a sequence';
  if (value === null) return 'null';
  return `a ${typeof value === 'object' ? 'mapping' : typeof value}`;
}

class DocumentReader {
  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  /** Line of the key that holds `path` (the value's own line when it is not in a mapping). */
  keyLine(doc: Document, path: (string | number)[], fallback: number): number {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    const last = path[path.length - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
      if (pair && isScalar(pair.key)) return this.lineOf(pair.key, fallback);
    }
    return this.lineOf(doc.getIn(path, true) as Node, fallback);
  }

  lineOf(node: Node | null | undefined, fallback: number): number {
    const offset = node?.range?.[0];
    return offset === undefined ? fallback : this.lines.linePos(offset).line;
  }

  error(line: number | undefined, detail: string, column?: number): ManifestError {
    return new ManifestError(this.file, line, column, detail);
  }

  /** Checks the identity fields of one object; `at` names the object in messages. */
  check(
    value: unknown,
    doc: Document,
    path: (string | number)[],
    line: number,
    at: string,
  ): ManifestError | undefined {
    const nodeLine = (...rest: (string | number)[]) => this.keyLine(doc, [...path, ...rest], line);
    if (!isPlainObject(value)) return this.error(line, `${at} is ${describeType(value)}, not a mapping`);
    for (const field of ['apiVersion', 'kind'] as const) {
      const member = value[field];
      if (member === undefined) return this.error(line, `${at}: ${field} is missing`);
      if (typeof member !== 'string' || member === '') {
        return this.error(nodeLine(field), `${at}: ${field} must be a non-empty string`);
      }
    }
    const metadata = value.metadata;
    if (metadata === undefined) return this.error(line, `${at}: metadata.name is missing`);
    if (!isPlainObject(metadata))
      return this.error(nodeLine('metadata'), `${at}: metadata must be a mapping`);
    if (metadata.name === undefined)
      return this.error(nodeLine('metadata'), `${at}: metadata.name is missing`);
    if (typeof metadata.name !== 'string' || metadata.name === '') {
      return this.error(nodeLine('metadata', 'name'), `${at}: metadata.name must be a non-empty string`);
    }
    return undefined;
  }
}

function isListKind(value: JsonObject): boolean {
  return (
    typeof value.kind === 'string' &&
    value.kind.endsWith('List') &&
    (value.kind === 'List' || Array.isArray(value.items))
  );
}

/**
 * Parses multi-document YAML (or JSON) text into objects. Empty documents are skipped, `List`
 * kinds are expanded into their items. A file with a YAML syntax error yields only that error.
 */
export function parseManifests(text: string, file: string): ParseResult {
  const lines = new LineCounter();
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const parsed = parseAllDocuments(source, { ...KUBECTL_YAML, lineCounter: lines });
  const documents = Array.isArray(parsed) ? parsed : [parsed];
  const reader = new DocumentReader(file, lines);

  for (const doc of documents) {
    const syntax = doc.errors[0];
    if (syntax) {
      const pos = lines.linePos(syntax.pos[0]);
      return {
        manifests: [],
        errors: [reader.error(pos.line, `YAML syntax error: ${syntax.message}`, pos.col)],
      };
    }
  }

  const manifests: Manifest[] = [];
  const errors: ManifestError[] = [];
  documents.forEach((doc, i) => {
    const document = i + 1;
    const contents = doc.contents;
    if (contents === null) return;
    const line = reader.lineOf(contents, 1);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      errors.push(
        reader.error(line, `document ${document}: ${error instanceof Error ? error.message : String(error)}`),
      );
      return;
    }
    if (value === null || value === undefined) return;
    const problem = jsonProblem(value, '', new Set());
    if (problem) {
      errors.push(reader.error(line, `document ${document}: ${problem}`));
      return;
    }
    const at = `document ${document}`;
    const sourceName = `${file}#${document}`;
    if (isPlainObject(value) && isListKind(value)) {
      const items = value.items;
      if (!Array.isArray(items) || !isSeq(doc.get('items', true))) {
        errors.push(reader.error(line, `${at}: ${value.kind} needs items to be a sequence`));
        return;
      }
      items.forEach((item, index) => {
        const itemLine = reader.lineOf(doc.getIn(['items', index], true) as Node, line);
        const failure = reader.check(item, doc, ['items', index], itemLine, `${at} items[${index}]`);
        if (failure) errors.push(failure);
        else
          manifests.push({ object: item as KubeObject, source: sourceName, file, document, line: itemLine });
      });
      return;
    }
    const failure = reader.check(value, doc, [], line, at);
    if (failure) errors.push(failure);
    else manifests.push({ object: value as KubeObject, source: sourceName, file, document, line });
  });
  return { manifests, errors };
}
