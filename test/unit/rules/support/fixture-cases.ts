import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
import { buildCatalog, type Catalog, materialize, usesPemText } from './certificate-catalog.js';

/** One finding as a fixture spells it; every key but the optional ones compared exactly. */
export interface ExpectedFinding {
  field: string;
  message: string;
  reason?: string;
  /** The other object or listener involved. */
  conflictsWith?: string;
  rule: string;
}

/** What the review of a case says: the verdict, every denial and warning in order, the patch. */
export interface Expectation {
  allowed: boolean;
  /** Omitted: no denial. */
  deny?: ExpectedFinding[];
  /** Omitted: no warning. */
  warn?: ExpectedFinding[];
  /** Omitted: the review must not patch. */
  patch?: JsonPatchOperation[];
}

/**
 * One YAML admission case: the state before, the object under review, and what the review says.
 * Objects may use the `tlsSecret:` shorthand of certificate-catalog.ts.
 */
export interface AdmissionCase {
  name: string;
  /** Default CREATE. */
  operation?: Operation;
  state?: unknown[];
  object?: unknown;
  oldObject?: unknown;
  serviceCidr?: string;
  metallbNamespace?: string;
  /** Absent only in a case not yet run in update mode. */
  expect?: Expectation;
}

const CASE_KEYS: ReadonlySet<string> = new Set([
  'name',
  'operation',
  'state',
  'object',
  'oldObject',
  'serviceCidr',
  'metallbNamespace',
  'expect',
]);

export const fixtureRoot = path.resolve(import.meta.dirname, '../../../fixtures');
const fixedNow = (): Date => new Date('2026-01-01T00:00:00Z');

/** The YAML files of `test/fixtures/<folder>/`, sorted. */
export function fixtureFiles(folder: string): string[] {
  return readdirSync(path.join(fixtureRoot, folder))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

/** Files of the rule fixture folders that are not independent admission cases, and who reads them. */
const NOT_INDEPENDENT_CASES: Readonly<Record<string, string>> = {
  'gateway/hostnames.yaml': 'hostname intersections, planners.test.ts',
  'gateway/conflict-verdicts.yaml': 'listener conflict verdicts, planners.test.ts',
  'gateway/malformed.yaml': 'malformed objects, family.test.ts',
  'gateway/guide-scenario.yaml': 'admission cases that build on each other, guide-scenario.test.ts',
  'gateway/envoy-gateway-translator-differences.yaml':
    'corpus data, test/corpus/envoy-gateway-translator.test.ts',
};

/** The files of `test/fixtures/<folder>/` that hold independent admission cases. */
export function admissionCaseFiles(folder: string): string[] {
  return fixtureFiles(folder).filter((file) => !(`${folder}/${file}` in NOT_INDEPENDENT_CASES));
}

/** The path of a fixture file relative to the repository, as errors name it. */
export function fixtureLabel(folder: string, file: string): string {
  return `test/fixtures/${folder}/${file}`;
}

function checkCase(value: unknown, index: number): AdmissionCase {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`case ${index} is not a map`);
  const unknownKeys = Object.keys(value).filter((key) => !CASE_KEYS.has(key));
  if (unknownKeys.length > 0) throw new Error(`case ${index} has unknown keys ${unknownKeys.join(', ')}`);
  const c = value as AdmissionCase;
  if (typeof c.name !== 'string') throw new Error(`case ${index} has no name`);
  return c;
}

/** The cases of an admission case file (a YAML list of cases); a broken file names itself. */
export function loadCases(folder: string, file: string): AdmissionCase[] {
  try {
    const cases: unknown = parse(readFileSync(path.join(fixtureRoot, folder, file), 'utf8'));
    if (!Array.isArray(cases)) throw new Error('is not a list of admission cases');
    return cases.map(checkCase);
  } catch (error) {
    throw new Error(`${fixtureLabel(folder, file)}: ${(error as Error).message}`);
  }
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

let catalog: Promise<Catalog> | undefined;

function certificateCatalog(): Promise<Catalog> {
  catalog ??= buildCatalog();
  return catalog;
}

function usesShorthand(value: unknown): boolean {
  return (typeof value === 'object' && value !== null && 'tlsSecret' in value) || usesPemText(value);
}

/** The case's objects as KubeObjects; certificates are generated once, for the first case that needs them. */
export async function caseObjects(c: AdmissionCase): Promise<{
  state: KubeObject[];
  object: KubeObject | undefined;
  oldObject: KubeObject | undefined;
}> {
  const all = [...(c.state ?? []), c.object, c.oldObject];
  const certificates = all.some(usesShorthand) ? await certificateCatalog() : new Map();
  const make = (value: unknown): KubeObject | undefined =>
    value === undefined || value === null ? undefined : materialize(certificates, value);
  return {
    state: (c.state ?? []).map((o) => make(o)!),
    object: make(c.object),
    oldObject: make(c.oldObject),
  };
}

/** The settings a case runs with: the folder's defaults, then the case's own. */
export function caseSettings(c: AdmissionCase, defaults: Partial<AdmissionSettings> = {}): AdmissionSettings {
  return settingsWith({
    ...defaults,
    ...(c.serviceCidr === undefined ? {} : { serviceCidrs: serviceCidrs(c.serviceCidr) }),
    ...(c.metallbNamespace === undefined ? {} : { metallbNamespace: c.metallbNamespace }),
  });
}

/** Admits the case's state, then reviews its object through the engine with the families' rules. */
export async function reviewCase(
  families: readonly RuleFamily[],
  c: AdmissionCase,
  defaults: Partial<AdmissionSettings> = {},
): Promise<ReviewResult> {
  const { state, object, oldObject } = await caseObjects(c);
  const runSettings = caseSettings(c, defaults);
  return reviewObject(
    {
      operation: c.operation ?? 'CREATE',
      object,
      oldObject,
      view: storeWith(families, state, runSettings.now),
      settings: runSettings,
    },
    { rules: new RuleIndex(families) },
  );
}

function expected(finding: Finding): ExpectedFinding {
  return {
    field: finding.field,
    message: finding.message,
    ...(finding.reason === undefined ? {} : { reason: finding.reason }),
    ...(finding.conflictsWith === undefined ? {} : { conflictsWith: finding.conflictsWith }),
    rule: finding.rule,
  };
}

/** A review as a fixture's `expect:` block spells it, leaving out what is empty. */
export function expectationOf(result: ReviewResult): Expectation {
  const deny = result.findings.filter((f) => f.severity === 'deny').map(expected);
  const warn = result.findings.filter((f) => f.severity === 'warn').map(expected);
  return {
    allowed: result.allowed,
    ...(deny.length === 0 ? {} : { deny }),
    ...(warn.length === 0 ? {} : { warn }),
    ...(result.patch.length === 0 ? {} : { patch: result.patch }),
  };
}
