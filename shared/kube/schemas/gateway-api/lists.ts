import { z } from 'zod';

/** Helpers for list semantics of the CRDs: sets, maps keyed by name, unique names. */

/** Adds one issue per element whose key repeats an earlier element's key. */
export function requireUnique<T>(
  items: readonly T[],
  keyOf: (item: T) => string | undefined,
  ctx: z.RefinementCtx,
  pathOf: (index: number) => PropertyKey[],
  message: (key: string, firstIndex: number) => string,
) {
  const firstIndexOf = new Map<string, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === undefined) return;
    const first = firstIndexOf.get(key);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: pathOf(index), message: message(key, first) });
    } else firstIndexOf.set(key, index);
  });
}

/** An array that is a set (x-kubernetes-list-type: set): duplicates are refused. */
export function setOf<T extends z.ZodType<string | number>>(item: T, maxItems?: number) {
  const base = maxItems === undefined ? z.array(item) : z.array(item).max(maxItems);
  return base.superRefine((values, ctx) =>
    requireUnique(
      values,
      (v) => String(v),
      ctx,
      (i) => [i],
      (v) => `duplicate value ${JSON.stringify(v)}`,
    ),
  );
}

/** An array keyed by `name` (x-kubernetes-list-type: map): names are unique. */
export function mapListByName<T extends z.ZodType<{ name: string }>>(item: T, maxItems: number) {
  return z
    .array(item)
    .max(maxItems)
    .superRefine((values, ctx) =>
      requireUnique(
        values,
        (v) => v.name,
        ctx,
        (i) => [i, 'name'],
        (name) => `duplicate name ${JSON.stringify(name)}`,
      ),
    );
}

/** Rule names, when given, are unique within a route. */
export function refineRuleNames(rules: readonly { name?: string }[], ctx: z.RefinementCtx) {
  requireUnique(
    rules,
    (r) => r.name,
    ctx,
    (i) => [i, 'name'],
    (name) => `Rule name must be unique within the route (${JSON.stringify(name)} repeats)`,
  );
}

/**
 * The route-wide rule checks HTTPRoute and GRPCRoute share: unique rule names and at most 128 matches
 * in total. `implicitMatches` is what a rule without `matches` counts for (HTTPRoute defaults one).
 */
export function refineRouteRules(
  rules: readonly { name?: string; matches?: readonly unknown[] }[],
  ctx: z.RefinementCtx,
  implicitMatches: number,
) {
  refineRuleNames(rules, ctx);
  const total = rules.reduce((sum, r) => sum + (r.matches?.length ?? implicitMatches), 0);
  if (total > 128) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: `While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128 (found ${total})`,
    });
  }
}
