import type { CST } from 'yaml';
import { walkTokens } from './cst-walk.js';

/**
 * Collections a document may nest. The composer of the yaml package recurses per level and
 * overflows the call stack at about 800 levels (sooner under a test runner); real manifests stay
 * far below this.
 */
export const NESTING_LIMIT = 512;

/** Offset of the first collection nested deeper than NESTING_LIMIT, if any. */
export function tooDeeplyNested(tokens: readonly CST.Token[]): number | undefined {
  for (const { token, depth } of walkTokens(tokens)) if (depth > NESTING_LIMIT) return token.offset;
  return undefined;
}
