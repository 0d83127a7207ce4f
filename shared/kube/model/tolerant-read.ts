import type { core, ZodType } from 'zod';
import { formatKeptUnknownFields, formatZodIssues, type SchemaIssue } from '../schema-issues.js';
import { schemasAt } from './schema-fields.js';

/**
 * What a schema made of one object: the parts that conform (undefined when none can), what did not
 * conform, and the unknown fields its kind keeps (`warnings`: the API server stores them, nothing
 * reads them; they are pruned from `object` like any unknown field, but do not make it malformed).
 */
export interface Reading<T> {
  object: T | undefined;
  issues: readonly SchemaIssue[];
  warnings: readonly SchemaIssue[];
}

/** Whether the kind keeps unknown fields of the object at this path (x-kubernetes-preserve-unknown-fields). */
export type KeepsUnknownFields = (objectPath: readonly PropertyKey[]) => boolean;

type Container = Record<string, unknown> | unknown[];

/** Marks an array element for removal; arrays are compacted after a round of pruning. */
const REMOVED = Symbol('removed');

const MAX_ROUNDS = 32;

function containerAt(root: unknown, path: readonly PropertyKey[]): Container | undefined {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current !== null && typeof current === 'object' ? (current as Container) : undefined;
}

/** Removes the value at `path`; false when the path is the root or no longer exists. */
function removeAt(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  const parent = containerAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (!parent) return false;
  if (Array.isArray(parent)) {
    if (typeof key !== 'number' || key >= parent.length) return false;
    parent[key] = REMOVED;
    return true;
  }
  if (!(String(key) in parent)) return false;
  delete parent[String(key)];
  return true;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  if (path.length === 0) return root;
  const parent = containerAt(root, path.slice(0, -1));
  return parent ? (parent as Record<PropertyKey, unknown>)[path[path.length - 1]!] : undefined;
}

/**
 * Prunes what one issue points at: unknown keys are dropped; a missing required field takes its
 * parent with it; any other bad value is dropped where it stands.
 */
function prune(root: unknown, issue: core.$ZodIssue): boolean {
  if (issue.code === 'unrecognized_keys') {
    const container = containerAt(root, issue.path);
    if (!container || Array.isArray(container)) return false;
    for (const key of issue.keys) delete container[key];
    return true;
  }
  const missing = valueAt(root, issue.path) === undefined;
  return removeAt(root, missing ? issue.path.slice(0, -1) : issue.path);
}

function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    const kept = value.filter((v) => v !== REMOVED);
    for (let i = 0; i < kept.length; i++) kept[i] = compact(kept[i]);
    return kept;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = compact(record[key]);
  }
  return value;
}

/**
 * A null in an optional field: the API server drops it (a CRD prunes nulls of fields that are not
 * nullable; a built-in type decodes null as absent), so it is no fault of the object.
 */
function droppedNull(schema: ZodType, root: unknown, issue: core.$ZodIssue): boolean {
  if (issue.code !== 'invalid_type' || typeof issue.path[issue.path.length - 1] !== 'string') return false;
  if (valueAt(root, issue.path) !== null) return false;
  return schemasAt(schema, issue.path).some((field) => field._zod.optin === 'optional');
}

/**
 * Reads `value` with `schema`, keeping what conforms. A conforming value is returned as it is (the
 * schemas have no defaults or transforms, so parsing would only copy it); otherwise a copy is pruned
 * of the parts the schema refuses until the rest conforms, and the refusals are reported: unknown
 * fields the kind keeps as `warnings`, nulls of optional fields (which the API server drops) not at
 * all, everything else as `issues`.
 * `conforms` must agree with `schema` (it is the schema's compiled check).
 */
export function tolerantRead<T>(
  schema: ZodType,
  conforms: (value: unknown) => value is T,
  value: unknown,
  keepsUnknownFields: KeepsUnknownFields = () => false,
): Reading<T> {
  if (conforms(value)) return { object: value, issues: [], warnings: [] };
  const first = schema.safeParse(value);
  if (first.success) return { object: undefined, issues: [], warnings: [] };
  const kept = (issue: core.$ZodIssue): issue is core.$ZodIssueUnrecognizedKeys =>
    issue.code === 'unrecognized_keys' && keepsUnknownFields(issue.path);
  const issues = formatZodIssues(
    first.error.issues.filter((issue) => !kept(issue) && !droppedNull(schema, value, issue)),
    value,
    schema,
  );
  const warnings = first.error.issues.filter(kept).flatMap((issue) => formatKeptUnknownFields(issue, schema));
  let copy: unknown = structuredClone(value);
  let raw = first.error.issues;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let pruned = false;
    for (const issue of raw) pruned = prune(copy, issue) || pruned;
    if (!pruned) break;
    copy = compact(copy);
    if (conforms(copy)) return { object: copy, issues, warnings };
    const next = schema.safeParse(copy);
    if (next.success) break;
    raw = next.error.issues;
  }
  return { object: undefined, issues, warnings };
}
