import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Checks the new file before it replaces the old one: the reasons to refuse it, or none. */
export type FileCheck = (temporaryFile: string) => Promise<readonly string[]>;

export type Replacement = { replaced: true } | { replaced: false; refused: readonly string[] };

/**
 * Replaces `target` with `content` so that a reader sees the old file or the new one, never a part:
 * a temporary file in the same directory (same filesystem, so the rename is atomic) is written and
 * flushed to disk, checked, renamed over the target, and the directory flushed so the rename
 * survives a crash. A refused or failed file is removed; the target is left as it was.
 */
export async function replaceFileAtomically(
  target: string,
  content: string,
  check?: FileCheck,
): Promise<Replacement> {
  const dir = path.dirname(target);
  const temporary = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const file = await open(temporary, 'wx', 0o644);
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    const refused = check ? await check(temporary) : [];
    if (refused.length > 0) {
      await unlink(temporary);
      return { replaced: false, refused };
    }
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  const directory = await open(dir, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
  return { replaced: true };
}
