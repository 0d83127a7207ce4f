/**
 * Where the platform networking guide is: not in the repository but beside it, as CI lays out
 * shared/ next to the clone. A bare clone has none, and the tests that read it are skipped.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GUIDE_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/seed/acp-networking-guide.zh.txt',
);

export const GUIDE_MISSING_MESSAGE = `The platform guide was not found beside the repository (${GUIDE_PATH}); the tests that read it are skipped.`;

export function guideFound() {
  return existsSync(GUIDE_PATH);
}
