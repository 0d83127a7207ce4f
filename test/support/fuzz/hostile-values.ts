import fc from 'fast-check';

/**
 * Values that break parsers and walkers: nesting far deeper than any manifest, strings of
 * megabytes, and scalars at the edges of JSON. A deep value is carried as a marker string and
 * written out only in the serialized text (expandDeepMarkers), so generating, mutating and
 * serializing it never recurses deeply in the test itself.
 */

export type DeepShape = 'object' | 'array';

const MARKER = /"?__fuzz_deep_(\d+)_(object|array)__"?/g;

export function deepMarker(depth: number, shape: DeepShape): string {
  return `__fuzz_deep_${depth}_${shape}__`;
}

/** The JSON text of a value nested `depth` levels (also valid YAML flow), built without recursion. */
export function deepJson(depth: number, shape: DeepShape): string {
  return shape === 'object'
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** The same value as a JavaScript value, built without recursion. */
export function deepValue(depth: number, shape: DeepShape): unknown {
  let value: unknown = shape === 'object' ? 1 : [];
  for (let i = shape === 'object' ? 0 : 1; i < depth; i++)
    value = shape === 'object' ? { a: value } : [value];
  return value;
}

/** Replaces every deep marker (a JSON string or a plain YAML scalar) with its nested text. */
export function expandDeepMarkers(text: string): string {
  return text.replace(MARKER, (_match, depth: string, shape: DeepShape) => deepJson(Number(depth), shape));
}

/** Depths around the limits that matter: recursion of parsers, schema walks and JSON writers. */
export const deepMarkers: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: 490, max: 530 }),
      fc.integer({ min: 530, max: 3_000 }),
      fc.integer({ min: 3_000, max: 20_000 }),
    ),
    fc.constantFrom<DeepShape>('object', 'array'),
  )
  .map(([depth, shape]) => deepMarker(depth, shape));

/** Strings from 64 KiB to 4 MiB: around the data limit mostly, sometimes over the request limit. */
export const hugeStrings: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.integer({ min: 64 * 1024, max: 1100 * 1024 }), weight: 3 },
      { arbitrary: fc.integer({ min: 1100 * 1024, max: 4 * 1024 * 1024 }), weight: 1 },
    ),
    fc.constantFrom('x', 'é', '\u{1F600}', '"', '\n'),
  )
  // A line break per character is a line per character in YAML: kept to 256 Ki lines, which the
  // yaml package reads at a few microseconds each.
  .map(([length, unit]) =>
    unit.repeat(Math.ceil((unit === '\n' ? Math.min(length, 256 * 1024) : length) / unit.length)),
  );

const edgeScalars = fc.constantFrom<unknown>(
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '\uD800',
  'null',
  'true',
  '0x1F',
  '1e400',
  '-0',
  '$(HOME)',
  '../../etc/passwd',
  0,
  -1,
  1.5,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  -1e308,
  true,
  false,
  null,
  [],
  {},
  [null],
  { '': null },
);

/** Anything a mutation may put in place of a value: hostile mostly, any JSON sometimes. */
export const hostileValues: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: edgeScalars, weight: 8 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 8 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 4 },
  { arbitrary: deepMarkers, weight: 2 },
  { arbitrary: hugeStrings, weight: 1 },
);
