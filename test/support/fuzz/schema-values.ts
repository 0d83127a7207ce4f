import fc from 'fast-check';
import { type ZodType, z } from 'zod';

/** A JSON Schema as `z.toJSONSchema` writes acpnet's schemas: only the keywords they use. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
}

/** Below this depth an object gets its required properties only, so that values stay small. */
const OPTIONAL_DEPTH = 5;
const MAX_ITEMS = 3;

const cidrV4 = fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([ip, bits]) => `${ip}/${bits}`);
const cidrV6 = fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([ip, bits]) => `${ip}/${bits}`);
const formats: Record<string, fc.Arbitrary<string>> = {
  ipv4: fc.ipV4(),
  ipv6: fc.ipV6(),
  cidrv4: cidrV4,
  cidrv6: cidrV6,
  base64: fc.base64String({ maxLength: 40 }),
};

/** Building a pattern's arbitrary is costly and the schemas share few patterns: one each. */
const byPattern = new Map<string, fc.Arbitrary<string>>();

function matching(pattern: string): fc.Arbitrary<string> {
  let strings = byPattern.get(pattern);
  if (!strings) {
    strings = fc.stringMatching(new RegExp(pattern), { size: 'xsmall' });
    byPattern.set(pattern, strings);
  }
  return strings;
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const format = schema.format ? formats[schema.format] : undefined;
  if (format) return format;
  if (schema.pattern) return matching(schema.pattern);
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 24, 24)) });
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  // Schemas of Kubernetes integers span int64; plausible values sit near the bounds people write.
  const min = Math.max(schema.minimum ?? -100_000, -100_000);
  const max = Math.min(schema.maximum ?? 100_000, 100_000);
  if (min > max) return fc.constant(schema.minimum ?? 0);
  return integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function objectOf(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (depth < OPTIONAL_DEPTH || required.has(key)) model[key] = valuesOf(property, depth + 1);
  }
  const fixed = fc.record(model, { requiredKeys: [...required].filter((key) => key in model) });
  const extra = schema.additionalProperties;
  if (typeof extra !== 'object') return fixed;
  const keys = schema.propertyNames ? stringOf(schema.propertyNames) : fc.string({ maxLength: 12 });
  const map = fc.dictionary(keys, valuesOf(extra, depth + 1), { maxKeys: MAX_ITEMS });
  return fc.tuple(map, fixed).map(([more, known]) => ({ ...more, ...known }));
}

function typed(schema: JsonSchema, type: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'object':
      return objectOf(schema, depth);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS));
      return fc.array(valuesOf(schema.items ?? {}, depth + 1), { minLength, maxLength });
    }
    case 'string':
      return stringOf(schema);
    case 'integer':
      return numberOf(schema, true);
    case 'number':
      return numberOf(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values a schema describes, mostly valid: the schema's cross-field refinements are not known here. */
export function valuesOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((option) => valuesOf(option, depth)));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(...types.map((type) => typed(schema, type, depth)));
}

/** The JSON Schema of a zod schema as the API server would receive it (input side). */
export function jsonSchemaOf(schema: ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}
