import type { ZodType } from 'zod';

/** The part of a CRD's OpenAPI v3 schema the comparison reads. */
export interface OpenApi {
  type?: string;
  properties?: Record<string, OpenApi>;
  items?: OpenApi;
  required?: string[];
  minimum?: number;
  maximum?: number;
  enum?: string[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
}

interface ZodDef {
  type: string;
  innerType?: ZodType;
  element?: ZodType;
  shape?: Record<string, ZodType>;
  catchall?: ZodType;
}

/** zod 4 keeps a schema's structure on `def`; the public types do not expose it. */
export const defOf = (schema: ZodType): ZodDef => (schema as unknown as { def: ZodDef }).def;

/** Strips optional/nullable/default wrappers down to the field's own schema; nullable alone keeps it required. */
function unwrap(schema: ZodType): { schema: ZodType; optional: boolean } {
  let current = schema;
  let optional = false;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) {
      optional ||= def.type !== 'nullable';
      current = def.innerType;
    } else return { schema: current, optional };
  }
}

function integerDifferences(crd: OpenApi, schema: ZodType, at: string): string[] {
  const out: string[] = [];
  const probe = (value: number, accepted: boolean) => {
    if (schema.safeParse(value).success !== accepted)
      out.push(`${at}=${value} should be ${accepted ? 'accepted' : 'refused'}`);
  };
  if (crd.minimum !== undefined) [probe(crd.minimum, true), probe(crd.minimum - 1, false)];
  if (crd.maximum !== undefined) [probe(crd.maximum, true), probe(crd.maximum + 1, false)];
  return out;
}

export interface CompareOptions {
  /** Also probe each integer field at its CRD minimum/maximum and one past them. */
  integerBounds?: boolean;
}

/**
 * Paths where the zod schema refuses what the CRD accepts (a field, an enum value) or leaves optional
 * a field the CRD requires; with `integerBounds`, also where it disagrees with the CRD's integer bounds.
 */
export function differences(
  crd: OpenApi,
  schema: ZodType,
  at: string,
  options: CompareOptions = {},
): string[] {
  const mine = unwrap(schema).schema;
  const def = defOf(mine);
  if (crd.type === 'array' && crd.items && def.type === 'array' && def.element)
    return differences(crd.items, def.element, `${at}[]`, options);
  if (crd.type === 'integer') return options.integerBounds ? integerDifferences(crd, mine, at) : [];
  if (crd.enum) return crd.enum.filter((v) => !mine.safeParse(v).success).map((v) => `${at}=${v} is refused`);
  if (!crd.properties || def.type !== 'object' || !def.shape) return [];
  // A loose object (status, pass-through settings) accepts whatever the CRD has.
  if (def.catchall && defOf(def.catchall).type === 'unknown') return [];
  const out: string[] = [];
  for (const [key, child] of Object.entries(crd.properties)) {
    const field = def.shape[key];
    if (!field) out.push(`${at}.${key} is refused`);
    else out.push(...differences(child, field, `${at}.${key}`, options));
  }
  for (const key of crd.required ?? []) {
    const field = def.shape[key];
    if (field && unwrap(field).optional) out.push(`${at}.${key} is not required`);
  }
  return out;
}

/** The differences under `spec` between a CRD version's schema and a kind's zod envelope. */
export function specDifferences(
  crd: OpenApi | undefined,
  envelope: ZodType,
  options: CompareOptions = {},
): string[] {
  const spec = crd?.properties?.['spec'];
  const mine = defOf(envelope).shape?.['spec'];
  return spec && mine ? differences(spec, mine, 'spec', options) : ['spec missing'];
}
