import type { CST } from 'yaml';
import { NESTING_LIMIT } from '../nesting.js';
import { walkTokens } from './cst-walk.js';

/**
 * Offset of the first collection nested deeper than NESTING_LIMIT, if any: checked on the syntax
 * tree, because the composer of the yaml package recurses per level and overflows at about 800.
 */
export function tooDeeplyNested(tokens: readonly CST.Token[]): number | undefined {
  for (const { token, depth } of walkTokens(tokens)) if (depth > NESTING_LIMIT) return token.offset;
  return undefined;
}
