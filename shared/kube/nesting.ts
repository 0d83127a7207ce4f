/**
 * Mappings and lists an object may nest, the top-level object being level 1. The readers of an
 * object recurse per level (the YAML composer, the schema checks, the store's copies) and overflow
 * the call stack somewhere between about 800 and a few thousand levels; real objects stay far
 * below this. Deeper input is refused with NESTED_TOO_DEEPLY, before anything recursive reads it.
 */
export const NESTING_LIMIT = 512;

export const NESTED_TOO_DEEPLY = `nested too deeply (limit ${NESTING_LIMIT} levels)`;

interface Visit {
  value: unknown;
  depth: number;
  key: string | number | undefined;
  parent: Visit | undefined;
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) path.unshift(at.key);
  return path;
}

/**
 * The path of the first mapping or list nested deeper than `limit` levels in a JSON value, or
 * undefined when there is none. Walked without recursion, and stops at the first one.
 */
export function tooDeeplyNestedAt(value: unknown, limit = NESTING_LIMIT): (string | number)[] | undefined {
  if (!isCollection(value)) return undefined;
  const stack: Visit[] = [{ value, depth: 1, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    if (visit.depth > limit) return pathOf(visit);
    const depth = visit.depth + 1;
    const here = visit.value as object;
    if (Array.isArray(here)) {
      for (let i = here.length - 1; i >= 0; i--) {
        if (isCollection(here[i])) stack.push({ value: here[i], depth, key: i, parent: visit });
      }
    } else {
      for (const key in here) {
        const item = (here as Record<string, unknown>)[key];
        if (isCollection(item) && Object.hasOwn(here, key))
          stack.push({ value: item, depth, key, parent: visit });
      }
    }
  }
  return undefined;
}

/** Whether an error is V8's call stack overflow (from any realm: no instanceof). */
export function isStackOverflow(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Error).name === 'RangeError' &&
    String((error as Error).message).includes('call stack')
  );
}
