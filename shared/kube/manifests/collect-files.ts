import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareStrings } from '../json-value.js';
import { ManifestError } from './manifest-error.js';

/** A file to read, or a path that could not be read. */
export interface InputEntry {
  path: string;
  error?: ManifestError;
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export function isManifestFile(file: string): boolean {
  return MANIFEST_EXTENSIONS.has(path.extname(file).toLowerCase());
}

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a path component is not a directory',
  ELOOP: 'too many symbolic links',
};

function reason(error: unknown): string {
  // Duck-typed: errors from node:fs may come from another realm (test runners), so no instanceof.
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  if (code && ERRNO_TEXT[code]) return ERRNO_TEXT[code];
  const message =
    typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
  return code ? `${code}: ${message}` : message;
}

export function unreadable(file: string, error: unknown): ManifestError {
  return new ManifestError(file, undefined, undefined, `cannot read: ${reason(error)}`);
}

/**
 * Every .yaml/.yml/.json file below `dir` (following symbolic links, each real directory once),
 * sorted by path. Hidden entries (`.git`, the functions' `.acpnet-out`) are not manifests of the
 * directory: skipping them keeps output written beside the state from being read back as state.
 */
async function filesBelow(dir: string, seen: Set<string>): Promise<InputEntry[]> {
  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(dir);
    if (seen.has(real)) return [];
    seen.add(real);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    return [{ path: dir, error: unreadable(dir, error) }];
  }
  const found: InputEntry[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(full);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        found.push({ path: full, error: unreadable(full, error) });
        continue;
      }
    }
    if (isDirectory) for (const below of await filesBelow(full, seen)) found.push(below);
    else if (isFile && isManifestFile(entry.name)) found.push({ path: full });
  }
  return found.sort((a, b) => compareStrings(a.path, b.path));
}

/**
 * Expands inputs into files in admission order: inputs in the order given, a directory's files
 * sorted by path. `-` passes through for stdin. A file named twice is read once.
 */
export async function collectFiles(inputs: readonly string[]): Promise<InputEntry[]> {
  const entries: InputEntry[] = [];
  const listed = new Set<string>();
  const add = (entry: InputEntry) => {
    if (!entry.error && listed.has(entry.path)) return;
    listed.add(entry.path);
    entries.push(entry);
  };
  for (const input of inputs) {
    if (input === '-') {
      add({ path: input });
      continue;
    }
    try {
      const info = await stat(input);
      if (info.isDirectory()) for (const entry of await filesBelow(input, new Set())) add(entry);
      else add({ path: input });
    } catch (error) {
      add({ path: input, error: unreadable(input, error) });
    }
  }
  return entries;
}
