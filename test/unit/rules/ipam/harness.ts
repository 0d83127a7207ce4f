import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { MemoryStore } from '../../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { type ReviewResult, reviewObject } from '../../../../webhooks/review/engine.js';
import { RuleIndex } from '../../../../webhooks/review/rule-index.js';
import { ipamFamily } from '../../../../webhooks/rules/ipam/index.js';
import type { AdmissionSettings, JsonPatchOperation, Operation } from '../../../../webhooks/rules/types.js';

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
  serviceCidr?: string;
  expect: {
    allowed: boolean;
    deny?: ExpectedFinding[];
    warn?: ExpectedFinding[];
    patch?: JsonPatchOperation[];
  };
}

const fixtureDir = path.resolve(import.meta.dirname, '../../../fixtures/ipam');

/** Every case of `test/fixtures/ipam/<file>`, labelled `<file>: <name>`. */
export function loadCases(file: string): [string, AdmissionCase][] {
  let cases: AdmissionCase[];
  try {
    cases = parse(readFileSync(path.join(fixtureDir, file), 'utf8')) as AdmissionCase[];
  } catch (error) {
    throw new Error(`test/fixtures/ipam/${file}: ${(error as Error).message}`);
  }
  return cases.map((c) => [c.name, c]);
}

export function fixtureFiles(): string[] {
  return readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

const rules = new RuleIndex([ipamFamily]);

export function storeWith(objects: readonly KubeObject[]): MemoryStore {
  const store = new MemoryStore({ now: () => new Date('2026-01-01T00:00:00Z') });
  for (const spec of ipamFamily.rangeIndexes ?? []) store.addRangeIndex(spec);
  for (const spec of ipamFamily.equalityIndexes ?? []) store.addEqualityIndex(spec);
  store.load(objects.map((o) => structuredClone(o)));
  return store;
}

export function settingsWith(serviceCidr: string): AdmissionSettings {
  return {
    serviceCidr,
    platformNamespace: 'cpaas-system',
    metallbNamespace: 'metallb-system',
    now: () => new Date('2026-01-01T00:00:00Z'),
  };
}

export function runCase(c: AdmissionCase): Promise<ReviewResult> {
  return reviewObject(
    {
      operation: c.operation,
      object: c.object,
      oldObject: c.oldObject,
      view: storeWith(c.state ?? []),
      settings: settingsWith(c.serviceCidr ?? '10.96.0.0/12,fd00:10:96::/112'),
    },
    { rules },
  );
}
