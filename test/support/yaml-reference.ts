import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ensureScript = path.resolve(import.meta.dirname, '../../infra/yaml-reference/ensure.sh');

/** What kubectl read from a stream: each document's JSON text, and the error that stopped it. */
export interface KubectlReading {
  documents: string[];
  error?: string;
}

let binary: string | undefined;

/**
 * The yaml-reference command (infra/yaml-reference), built through the Go module proxy on first use
 * and cached outside the repository by the hash of its sources, so a run builds it at most once.
 */
export function yamlReferenceBinary(): string {
  binary ??= execFileSync('bash', [ensureScript], { encoding: 'utf8', timeout: 10 * 60 * 1000 }).trim();
  return binary;
}

/** Reads `input` as `kubectl apply -f` does: sigs.k8s.io/yaml behind apimachinery's decoder. */
export function readAsKubectl(input: string | Buffer): KubectlReading {
  const out = execFileSync(yamlReferenceBinary(), [], {
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  // Each document's JSON is kept as text: numbers beyond 2^53 must reach the comparison intact.
  const parsed = JSON.parse(out, (_key, value, context?: { source?: string }) =>
    typeof value === 'number' && context?.source !== undefined ? { number: context.source } : value,
  ) as { documents: unknown[]; error?: string };
  return { documents: parsed.documents.map(canonicalJson), ...(parsed.error ? { error: parsed.error } : {}) };
}

function isNumberText(value: unknown): value is { number: string } {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 1 && 'number' in value;
}

/** An integer as its exact digits (those of the double, for a JavaScript number), else JSON. */
function canonicalNumber(value: number): string {
  return Number.isInteger(value) ? BigInt(value).toString() : JSON.stringify(value);
}

/**
 * JSON text with sorted keys and numbers in one spelling, so that values read by two readers can
 * be compared as strings. A number given as Go's source text (`{number: '…'}`) keeps that text
 * when it is an integer no double holds, which kubectl keeps exact; Go writes floats as the
 * shortest text that reads back as the same double, as JavaScript does.
 */
export function canonicalJson(value: unknown): string {
  if (isNumberText(value)) {
    const text = value.number;
    const double = Number(text);
    const inexact =
      /^-?\d+$/.test(text) && BigInt(double) !== BigInt(text) && JSON.stringify(double) !== text;
    return inexact ? text : canonicalNumber(double);
  }
  if (typeof value === 'number') return canonicalNumber(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(Reflect.get(value, key))}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
