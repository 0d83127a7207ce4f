import { type Document, isScalar, visit } from 'yaml';

export const DUPLICATE_KEY = 'Map keys must be unique';

/**
 * Offset of the first key of a mapping that repeats an earlier key of it, compared as the yaml
 * package compares them (scalars by value, anything else by identity) but in linear time: the
 * package's own check compares each key with every earlier one, and a mapping of 16,000 keys took
 * seconds.
 */
export function duplicateKeyOffset(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (seen.has(key.value)) {
          found = key.range?.[0] ?? 0;
          return visit.BREAK;
        }
        seen.add(key.value);
      }
      return undefined;
    },
  });
  return found;
}
