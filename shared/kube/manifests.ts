import { readFile } from 'node:fs/promises';
import { collectFiles, unreadable } from './manifests/collect-files.js';
import { ManifestError } from './manifests/manifest-error.js';
import { type Manifest, type ParseResult, parseManifests } from './manifests/parse-documents.js';

export { ManifestError } from './manifests/manifest-error.js';
export type { Manifest, ParseResult } from './manifests/parse-documents.js';
export { parseManifests } from './manifests/parse-documents.js';

/** The name stdin's objects carry in `source` and in error messages. */
export const STDIN_NAME = '<stdin>';

export interface LoadOptions {
  /** The text of standard input, for the input `-`. */
  stdin?: string;
}

/**
 * Reads manifests from files, directories (searched recursively for .yaml/.yml/.json, sorted by
 * path) and `-` (stdin), in input order. Problems are collected, never thrown: the caller decides
 * whether any error makes the whole input unusable.
 */
export async function loadManifests(
  inputs: readonly string[],
  options: LoadOptions = {},
): Promise<ParseResult> {
  const manifests: Manifest[] = [];
  const errors: ManifestError[] = [];
  for (const { path: file, error } of await collectFiles(inputs)) {
    if (error) {
      errors.push(error);
      continue;
    }
    let text: string;
    let name = file;
    if (file === '-') {
      name = STDIN_NAME;
      if (options.stdin === undefined) {
        errors.push(new ManifestError(name, undefined, undefined, 'no standard input was given'));
        continue;
      }
      text = options.stdin;
    } else {
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        errors.push(unreadable(file, error));
        continue;
      }
    }
    const parsed = parseManifests(text, name);
    // One by one: spreading a file of many documents into push() overflows the call stack.
    for (const manifest of parsed.manifests) manifests.push(manifest);
    for (const problem of parsed.errors) errors.push(problem);
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
