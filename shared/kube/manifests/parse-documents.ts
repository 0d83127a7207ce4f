import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { isPlainObject, type JsonObject } from '../json-value.js';
import type { KubeObject } from '../object.js';
import { withoutNullMembers } from './drop-nulls.js';
import { ManifestError } from './manifest-error.js';
import { openYamlStream } from './yaml-stream.js';

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

/** One thing read from input: an object, or why a place in the input gave none. */
export type ManifestItem =
  | { manifest: Manifest; error?: undefined }
  | { error: ManifestError; manifest?: undefined };

/**
 * Reads multi-document YAML (or JSON) text into objects one document at a time, read as kubectl
 * reads it and with explicit nulls dropped as the API server drops them. Empty documents are
 * skipped, `List` kinds are expanded into their items. A file with a YAML syntax error yields only
 * that error, before any object: the whole text is checked before the first object is read.
 */
export function* readManifests(text: string, file: string): Generator<ManifestItem> {
  const stream = openYamlStream(text);
  if (stream.error) {
    const { line, column, message } = stream.error;
    yield { error: new ManifestError(file, line, column, message) };
    return;
  }
  const reader = new DocumentReader(file, stream.lines);
  for (const { doc, index: document, line, value: read, problem } of stream.documents) {
    if (problem !== undefined) {
      yield { error: reader.error(line, `document ${document}: ${problem}`) };
      continue;
    }
    const value = withoutNullMembers(read);
    const at = `document ${document}`;
    const sourceName = `${file}#${document}`;
    if (isPlainObject(value) && isListKind(value)) {
      const items = value.items;
      if (!Array.isArray(items) || !isSeq(doc.get('items', true))) {
        yield { error: reader.error(line, `${at}: ${value.kind} needs items to be a sequence`) };
        continue;
      }
      for (const [index, item] of items.entries()) {
        const itemLine = reader.lineOf(doc.getIn(['items', index], true) as Node, line);
        const failure = reader.check(item, doc, ['items', index], itemLine, `${at} items[${index}]`);
        if (failure) yield { error: failure };
        else
          yield {
            manifest: { object: item as KubeObject, source: sourceName, file, document, line: itemLine },
          };
      }
      continue;
    }
    const failure = reader.check(value, doc, [], line, at);
    if (failure) yield { error: failure };
    else yield { manifest: { object: value as KubeObject, source: sourceName, file, document, line } };
  }
}

/** readManifests with every object and every error collected. */
export function parseManifests(text: string, file: string): ParseResult {
  const manifests: Manifest[] = [];
  const errors: ManifestError[] = [];
  for (const item of readManifests(text, file)) {
    if (item.error) errors.push(item.error);
    else manifests.push(item.manifest);
  }
  return { manifests, errors };
}
