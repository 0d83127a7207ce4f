import { type Document, visit } from 'yaml';

/** Aliases a document may hold; the same bound as the yaml package's count of alias expansions. */
export const ALIAS_LIMIT = 1000;

/**
 * Why a document holds too many aliases to be read, if it does: the yaml package resolves each
 * alias by scanning every anchor and alias before it, so reading costs aliases × anchors, and a
 * 100 KB document of 4,000 merge keys took minutes. kubectl reads such a document; none written by
 * hand or by a tool comes near the limit.
 */
export function aliasProblem(doc: Document.Parsed): string | undefined {
  let count = 0;
  visit(doc, {
    Alias() {
      count += 1;
      return count > ALIAS_LIMIT ? visit.BREAK : undefined;
    },
  });
  return count > ALIAS_LIMIT
    ? `more than ${ALIAS_LIMIT} aliases (acpnet reads at most ${ALIAS_LIMIT} per document)`
    : undefined;
}
