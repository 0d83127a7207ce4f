import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@jest/globals';
import { parse } from 'yaml';
import { parseServiceCidrs } from '../../../../cli/settings.js';
import { MemoryStore } from '../../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../../shared/kube/object.js';
import type { Cidr } from '../../../../shared/net/cidr.js';
import { type ReviewResult, reviewObject } from '../../../../webhooks/review/engine.js';
import { RuleIndex } from '../../../../webhooks/review/rule-index.js';
import type {
  AdmissionSettings,
  Finding,
  JsonPatchOperation,
  Operation,
  RuleFamily,
} from '../../../../webhooks/rules/types.js';

export interface ExpectedFinding {
  field: string;
  /** Substrings the message must contain (the other object, the offending value...). */
  contains?: string[];
  conflictsWith?: string;
}

/** One YAML admission case: the state before, the object under review, and the verdict expected. */
export interface AdmissionCase {
  name: string;
  operation: Operation;
  object?: KubeObject;
  oldObject?: KubeObject;
  state?: KubeObject[];
  serviceCidr?: string;
  metallbNamespace?: string;
  expect: {
    allowed: boolean;
    deny?: ExpectedFinding[];
    warn?: ExpectedFinding[];
    /** Omitted: the review must not patch. */
    patch?: JsonPatchOperation[];
  };
}

const fixtureRoot = path.resolve(import.meta.dirname, '../../../fixtures');
const fixedNow = (): Date => new Date('2026-01-01T00:00:00Z');

/** The YAML fixture files of `test/fixtures/<area>/`, sorted. */
export function fixtureFiles(area: string): string[] {
  return readdirSync(path.join(fixtureRoot, area))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

/** Every case of `test/fixtures/<area>/<file>`, labelled by name; a broken file names itself. */
export function loadCases(area: string, file: string): [string, AdmissionCase][] {
  let cases: AdmissionCase[];
  try {
    cases = parse(readFileSync(path.join(fixtureRoot, area, file), 'utf8')) as AdmissionCase[];
  } catch (error) {
    throw new Error(`test/fixtures/${area}/${file}: ${(error as Error).message}`);
  }
  return cases.map((c) => [c.name, c]);
}

/** A service CIDR setting as `--service-cidr` parses it; empty: the cluster has none. */
export function serviceCidrs(text: string): Cidr[] {
  return text === '' ? [] : parseServiceCidrs(text);
}

/** Platform defaults with a fixed clock, overridden where a test needs it. */
export function settingsWith(overrides: Partial<AdmissionSettings> = {}): AdmissionSettings {
  return {
    serviceCidrs: serviceCidrs('10.96.0.0/12'),
    platformNamespace: 'cpaas-system',
    metallbNamespace: 'metallb-system',
    now: fixedNow,
    ...overrides,
  };
}

export const settings: AdmissionSettings = settingsWith();

/** A MemoryStore with the indexes the families declare, holding copies of `objects`. */
export function storeWith(
  families: readonly RuleFamily[],
  objects: readonly KubeObject[] = [],
  now: () => Date = fixedNow,
): MemoryStore {
  const store = new MemoryStore({ now });
  new RuleIndex(families).registerIndexes(store);
  store.load(objects.map((o) => structuredClone(o)));
  return store;
}

/** Admits the case's state, then reviews its object through the engine with the families' rules. */
export function reviewCase(
  families: readonly RuleFamily[],
  c: AdmissionCase,
  defaults: Partial<AdmissionSettings> = {},
): Promise<ReviewResult> {
  const caseSettings = settingsWith({
    ...defaults,
    ...(c.serviceCidr === undefined ? {} : { serviceCidrs: serviceCidrs(c.serviceCidr) }),
    ...(c.metallbNamespace === undefined ? {} : { metallbNamespace: c.metallbNamespace }),
  });
  return reviewObject(
    {
      operation: c.operation,
      object: c.object,
      oldObject: c.oldObject,
      view: storeWith(families, c.state ?? []),
      settings: caseSettings,
    },
    { rules: new RuleIndex(families) },
  );
}

function matches(finding: Finding, expected: ExpectedFinding): boolean {
  return (
    finding.field === expected.field &&
    (expected.contains ?? []).every((part) => finding.message.includes(String(part))) &&
    (expected.conflictsWith === undefined || finding.conflictsWith === expected.conflictsWith)
  );
}

/** Exactly the expected findings: same count, each expected one present. */
export function expectFindings(actual: readonly Finding[], expected: readonly ExpectedFinding[]): void {
  const described = actual.map((f) => `${f.field}: ${f.message} [${f.conflictsWith ?? ''}]`);
  expect({ count: actual.length, findings: described }).toEqual({
    count: expected.length,
    findings: described,
  });
  for (const want of expected) {
    const found = actual.some((f) => matches(f, want));
    expect({ found, want, findings: described }).toEqual({ found: true, want, findings: described });
  }
}

/** Asserts a review against its case: no rule failed, exactly the expected denials, warnings and patch. */
export function expectReview(result: ReviewResult, c: AdmissionCase): void {
  expect(result.failures).toEqual([]);
  expectFindings(
    result.findings.filter((f) => f.severity === 'deny'),
    c.expect.deny ?? [],
  );
  expectFindings(
    result.findings.filter((f) => f.severity === 'warn'),
    c.expect.warn ?? [],
  );
  expect(result.allowed).toBe(c.expect.allowed);
  expect(result.patch).toEqual(c.expect.patch ?? []);
}

/** Reviews a fixture case through the engine and checks the verdict it expects. */
export async function runFixtureCase(
  families: readonly RuleFamily[],
  c: AdmissionCase,
  defaults: Partial<AdmissionSettings> = {},
): Promise<void> {
  expectReview(await reviewCase(families, c, defaults), c);
}
