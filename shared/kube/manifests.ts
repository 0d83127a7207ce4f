import { readFile } from 'node:fs/promises';
import { collectFiles, unreadable } from './manifests/collect-files.js';
import { ManifestError } from './manifests/manifest-error.js';
import {
  type Manifest,
  type ManifestItem,
  type ParseResult,
  readManifests,
} from './manifests/parse-documents.js';

export { ManifestError } from './manifests/manifest-error.js';
export type { Manifest, ManifestItem, ParseResult } from './manifests/parse-documents.js';
export { parseManifests, readManifests } from './manifests/parse-documents.js';

/** The name stdin's objects carry in `source` and in error messages. */
export const STDIN_NAME = '<stdin>';

export interface LoadOptions {
  /** The text of standard input, for the input `-`. */
  stdin?: string;
}

/**
 * Reads manifests from files, directories (searched recursively for .yaml/.yml/.json, sorted by
 * path) and `-` (stdin), in input order, one object (or problem) at a time: a file's text is held
 * while its objects are read, never more than one document of it composed. Problems are yielded,
 * never thrown: the caller decides whether any error makes the whole input unusable.
 */
export async function* streamManifests(
  inputs: readonly string[],
  options: LoadOptions = {},
): AsyncGenerator<ManifestItem> {
  for (const { path: file, error } of await collectFiles(inputs)) {
    if (error) {
      yield { error };
      continue;
    }
    if (file === '-') {
      if (options.stdin === undefined) {
        yield { error: new ManifestError(STDIN_NAME, undefined, undefined, 'no standard input was given') };
        continue;
      }
      yield* readManifests(options.stdin, STDIN_NAME);
      continue;
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      yield { error: unreadable(file, error) };
      continue;
    }
    yield* readManifests(text, file);
  }
}

/** streamManifests with every object and every problem collected. */
export async function loadManifests(
  inputs: readonly string[],
  options: LoadOptions = {},
): Promise<ParseResult> {
  const manifests: Manifest[] = [];
  const errors: ManifestError[] = [];
  for await (const item of streamManifests(inputs, options)) {
    if (item.error) errors.push(item.error);
    else manifests.push(item.manifest);
  }
  return { manifests, errors };
}

/** Like loadManifests, but rejects with the first error. */
export async function loadManifestsStrict(
  inputs: readonly string[],
  options: LoadOptions = {},
): Promise<Manifest[]> {
  const { manifests, errors } = await loadManifests(inputs, options);
  if (errors[0]) throw errors[0];
  return manifests;
}
