import { afterAll, describe, expect, it } from '@jest/globals';
import { keyOf } from '../../../../shared/kube/object.js';
import { type ReviewResult, reviewObject } from '../../../../webhooks/review/engine.js';
import {
  caseObjects,
  type Expectation,
  expectationOf,
  loadCases,
  settingsWith,
} from '../support/fixture-cases.js';
import { updatingFixtures, writeExpectations } from '../support/fixture-update.js';
import { storeWith } from './support/harness.js';

const FILE = 'guide-scenario.yaml';
const steps = loadCases('gateway', FILE);

// Inside the validity window of the fixture certificate (issued 2026-11-26 for ten years).
const settings = settingsWith({ now: () => new Date('2027-06-01T00:00:00Z') });

describe('the guide’s Gateway API walkthrough, admitted in order', () => {
  const store = storeWith();
  const results: ReviewResult[] = [];
  const observed = new Map<number, Expectation>();

  // Each step is admitted as `acpnet validate` would, against what the steps before it left.
  const run = (async () => {
    for (const step of steps) {
      const { object } = await caseObjects(step);
      const key = keyOf(object!);
      const existing = store.get(key.groupKind, key.namespace, key.name);
      const result = await reviewObject({
        operation: existing ? 'UPDATE' : 'CREATE',
        object,
        oldObject: existing,
        view: store,
        settings,
      });
      results.push(result);
      if (result.allowed && result.object) store.load([structuredClone(result.object)]);
    }
  })();

  it.each(steps.map((s, i) => [s.name, i] as const))('%s', async (_name, i) => {
    await run;
    const result = results[i]!;
    expect(result.failures).toEqual([]);
    if (updatingFixtures) observed.set(i, expectationOf(result));
    else expect(expectationOf(result)).toEqual(steps[i]!.expect);
  });

  if (updatingFixtures) afterAll(() => writeExpectations('gateway', FILE, observed));
});
