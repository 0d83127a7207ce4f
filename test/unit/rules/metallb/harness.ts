import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@jest/globals';
import { parse } from 'yaml';
import { MemoryStore } from '../../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { type ReviewResult, reviewObject } from '../../../../webhooks/review/engine.js';
import { RuleIndex } from '../../../../webhooks/review/rule-index.js';
import type { AdmissionSettings, Finding, Operation, RuleFamily } from '../../../../webhooks/rules/types.js';

export interface ExpectedFinding {
  field: string;
  /** Substrings the message must contain (the other object, the overlapping range...). */
  contains?: string[];
  conflictsWith?: string;
}

export interface AdmissionCase {
  name: string;
  operation: Operation;
  object?: KubeObject;
  oldObject?: KubeObject;
  state?: KubeObject[];
  metallbNamespace?: string;
  expect: { allowed: boolean; deny?: ExpectedFinding[]; warn?: ExpectedFinding[] };
}

const fixtureRoot = path.resolve(import.meta.dirname, '../../../fixtures');

/** Admission cases of the YAML fixtures under `test/fixtures/<area>/`, run through the engine. */
export class FixtureHarness {
  private readonly rules: RuleIndex;

  constructor(
    private readonly area: string,
    families: readonly RuleFamily[],
  ) {
    this.rules = new RuleIndex(families);
  }

  files(): string[] {
    return readdirSync(path.join(fixtureRoot, this.area))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  }

  cases(file: string): [string, AdmissionCase][] {
    let cases: AdmissionCase[];
    try {
      cases = parse(readFileSync(path.join(fixtureRoot, this.area, file), 'utf8')) as AdmissionCase[];
    } catch (error) {
      throw new Error(`test/fixtures/${this.area}/${file}: ${(error as Error).message}`);
    }
    return cases.map((c) => [c.name, c]);
  }

  store(objects: readonly KubeObject[]): MemoryStore {
    const store = new MemoryStore({ now: () => new Date('2026-01-01T00:00:00Z') });
    this.rules.registerIndexes(store);
    store.load(objects.map((o) => structuredClone(o)));
    return store;
  }

  run(c: AdmissionCase): Promise<ReviewResult> {
    return reviewObject(
      {
        operation: c.operation,
        object: c.object,
        oldObject: c.oldObject,
        view: this.store(c.state ?? []),
        settings: settingsWith(c.metallbNamespace ?? 'metallb-system'),
      },
      { rules: this.rules },
    );
  }
}

export function settingsWith(metallbNamespace: string): AdmissionSettings {
  return {
    serviceCidr: '10.96.0.0/12',
    platformNamespace: 'cpaas-system',
    metallbNamespace,
    now: () => new Date('2026-01-01T00:00:00Z'),
  };
}

function matches(finding: Finding, expected: ExpectedFinding): boolean {
  return (
    finding.field === expected.field &&
    (expected.contains ?? []).every((part) => finding.message.includes(part)) &&
    (expected.conflictsWith === undefined || finding.conflictsWith === expected.conflictsWith)
  );
}

function expectFindings(actual: Finding[], expected: ExpectedFinding[]): void {
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

/** Asserts a review against a case: no rule failed, exactly the expected denials and warnings. */
export function expectCase(result: ReviewResult, c: AdmissionCase): void {
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
  expect(result.patch).toEqual([]);
}
