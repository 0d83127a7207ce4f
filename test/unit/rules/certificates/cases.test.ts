import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { reviewObject } from '../../../../webhooks/review/engine.js';
import { RuleIndex } from '../../../../webhooks/review/rule-index.js';
import { certificatesFamily } from '../../../../webhooks/rules/certificates/index.js';
import type { Finding, Operation } from '../../../../webhooks/rules/types.js';
import { settingsWith, storeWith } from '../support/fixture-cases.js';
import { buildCatalog, type Catalog, materialize, NOW } from './support/catalog.js';

interface ExpectedFinding {
  severity: Finding['severity'];
  rule: string;
  field: string;
  /** Substring of the message. */
  message: string;
  /** Substring of the other object named, when the finding names one. */
  conflictsWith?: string;
}

interface Case {
  name: string;
  operation: Operation;
  object?: unknown;
  oldObject?: unknown;
  state?: unknown[];
  allowed: boolean;
  findings?: ExpectedFinding[];
}

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/certificates');
const files = readdirSync(fixtures)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

const settings = settingsWith({ now: () => NOW });

const rules = new RuleIndex([certificatesFamily]);
let catalog: Catalog;

beforeAll(async () => {
  catalog = await buildCatalog();
});

function loadCases(file: string): Case[] {
  return parse(readFileSync(path.join(fixtures, file), 'utf8')) as Case[];
}

describe.each(files)('%s', (file) => {
  it.each(loadCases(file))('$name', async (testCase) => {
    const make = (value: unknown): KubeObject | undefined =>
      value === undefined ? undefined : materialize(catalog, value);
    const view = storeWith(
      [certificatesFamily],
      (testCase.state ?? []).map((o) => materialize(catalog, o)),
      () => NOW,
    );
    const result = await reviewObject(
      {
        operation: testCase.operation,
        object: make(testCase.object),
        oldObject: make(testCase.oldObject),
        view,
        settings,
      },
      { rules },
    );
    expect(result.failures).toEqual([]);
    const actual = result.findings.map((f) => ({
      severity: f.severity,
      rule: f.rule,
      field: f.field,
      message: f.message,
      conflictsWith: f.conflictsWith,
    }));
    const expected = (testCase.findings ?? []).map((f) => ({
      severity: f.severity,
      rule: f.rule,
      field: f.field,
      message: expect.stringContaining(f.message),
      conflictsWith: f.conflictsWith === undefined ? undefined : expect.stringContaining(f.conflictsWith),
    }));
    expect(actual).toEqual(expected);
    expect(result.allowed).toBe(testCase.allowed);
    for (const finding of result.findings.filter((f) => f.severity === 'deny')) {
      // The message a user reads names the field and, where there is one, the other object.
      expect(result.message).toContain(finding.field);
      if (finding.conflictsWith) expect(result.message).toContain(finding.conflictsWith);
    }
  });
});
