/**
 * Readers of raw upstream test data (the Envoy Gateway translator's expected statuses), which no
 * kind model types. Product code reads objects only through their kind's model.
 */
export type Fields = Record<string, unknown>;

export function record(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
}

export function array(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record(value) ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Reads a nested path of object keys, e.g. `dig(obj, 'spec', 'tls', 'mode')`. */
export function dig(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    const r = record(current);
    if (!r) return undefined;
    current = r[key];
  }
  return current;
}
