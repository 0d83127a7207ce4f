import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@jest/globals';
import { parse } from 'yaml';
import type { MemoryStore } from '../../../../../shared/kube/memory-store.js';
import { ModelView } from '../../../../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../../../../shared/kube/object.js';
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

export function contextFor(c: {
  operation?: Operation;
  state?: KubeObject[];
  object: KubeObject;
  oldObject?: KubeObject;
}): AdmissionContext {
  return {
    operation: c.operation ?? 'CREATE',
    object: c.object,
    oldObject: c.oldObject,
    view: new ModelView(storeWith(c.state)),
    settings,
  };
}

export async function runRule(rule: ValidationRule, c: RuleCase): Promise<Finding[]> {
  return rule.check(contextFor(c));
}

export async function runMutator(mutator: Mutator, c: MutatorCase): Promise<JsonPatchOperation[]> {
  return mutator.mutate(contextFor(c));
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
