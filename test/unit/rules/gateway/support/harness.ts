import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@jest/globals';
import { parse } from 'yaml';
import type { MemoryStore } from '../../../../../shared/kube/memory-store.js';
import { ModelView } from '../../../../../shared/kube/model/model-view.js';
import { type KubeObject, versionOf } from '../../../../../shared/kube/object.js';
import { modelOf } from '../../../../../shared/kube/registry.js';
import { formatFinding } from '../../../../../webhooks/rules/findings.js';
import { gatewayFamily } from '../../../../../webhooks/rules/gateway/index.js';
import type {
  AdmissionContext,
  Finding,
  JsonPatchOperation,
  Mutator,
  Operation,
  ValidationRule,
} from '../../../../../webhooks/rules/types.js';
import { storeWith as familyStore, settings } from '../../support/fixture-cases.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../fixtures/gateway');

export interface ExpectedFinding {
  severity: 'deny' | 'warn';
  field: string;
  reason?: string;
  /** The other object or listener, exactly. */
  conflictsWith?: string;
  /** A part of the message. */
  message: string;
}

/** One admission case: the state before, the object under review, and what the rule must say. */
export interface RuleCase {
  name: string;
  operation?: Operation;
  state?: KubeObject[];
  object: KubeObject;
  oldObject?: KubeObject;
  findings: ExpectedFinding[];
}

export interface MutatorCase {
  name: string;
  state?: KubeObject[];
  object: KubeObject;
  patch: JsonPatchOperation[];
}

export function loadFixture<T>(file: string): T[] {
  const doc = parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as { cases: T[] };
  return doc.cases;
}

/** A MemoryStore with the gateway family's indexes, holding `objects`. */
export function storeWith(objects: readonly KubeObject[] = []): MemoryStore {
  return familyStore([gatewayFamily], objects);
}

/** The object as its kind's model reads it (pruned of what does not conform), as the engine reads it. */
export function modelReading(object: KubeObject): KubeObject | undefined {
  const model = modelOf(object);
  return model ? model.read(object).object : object;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Whether the object holds a value of the wrong type (not merely one its schema's constraints refuse). */
function holdsMistypedValue(object: KubeObject): boolean {
  const schema = modelOf(object)?.versions[versionOf(object.apiVersion)];
  const parsed = schema?.safeParse(object);
  if (!parsed || parsed.success) return false;
  return parsed.error.issues.some((i) => i.code === 'invalid_type' && valueAt(object, i.path) !== undefined);
}

/**
 * The object a rule is handed for a fixture object. The engine hands rules objects as their kind's
 * model reads them. Fixtures keep objects that break only a schema's constraints (a repeated
 * listener, an unknown field, an absent list) as they are, so a rule's own check is exercised; an
 * object holding a value of the wrong type is read through its model as the engine would read it,
 * and one the model cannot read at all is not judged (undefined).
 */
export function reviewedObject(object: KubeObject): KubeObject | undefined {
  return holdsMistypedValue(object) ? modelReading(object) : object;
}

/** The admission context of a case; undefined when its object is not judged (see reviewedObject). */
export function contextFor(c: {
  operation?: Operation;
  state?: KubeObject[];
  object: KubeObject;
  oldObject?: KubeObject;
}): AdmissionContext | undefined {
  const object = reviewedObject(c.object);
  if (!object) return undefined;
  return {
    operation: c.operation ?? 'CREATE',
    object,
    oldObject: c.oldObject && reviewedObject(c.oldObject),
    view: new ModelView(storeWith(c.state)),
    settings,
  };
}

export async function runRule(rule: ValidationRule, c: RuleCase): Promise<Finding[]> {
  const ctx = contextFor(c);
  return ctx ? rule.check(ctx) : [];
}

export async function runMutator(mutator: Mutator, c: MutatorCase): Promise<JsonPatchOperation[]> {
  const ctx = contextFor(c);
  return ctx ? mutator.mutate(ctx) : [];
}

/**
 * Findings equal the expected ones in order; every denial's rendered message names its field and,
 * where another object is involved, that object.
 */
export function expectFindings(actual: readonly Finding[], expected: readonly ExpectedFinding[]): void {
  expect(
    actual.map((f) => ({
      severity: f.severity,
      field: f.field,
      reason: f.reason,
      conflictsWith: f.conflictsWith,
    })),
  ).toEqual(
    expected.map((e) => ({
      severity: e.severity,
      field: e.field,
      reason: e.reason,
      conflictsWith: e.conflictsWith,
    })),
  );
  actual.forEach((finding, i) => {
    const want = expected[i]!;
    const text = formatFinding(finding);
    expect(finding.message).toContain(want.message);
    expect(text.startsWith(`${want.field}: `)).toBe(true);
    if (want.conflictsWith) expect(text).toContain(`[conflicts with ${want.conflictsWith}]`);
  });
}
