import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { type KubeObject, keyOf } from '../../../../shared/kube/object.js';
import { parseCidr } from '../../../../shared/net/cidr.js';
import { reviewObject } from '../../../../webhooks/review/engine.js';
import type { JsonPatchOperation } from '../../../../webhooks/rules/types.js';
import { storeWith } from './support/harness.js';

interface Step {
  name: string;
  object: KubeObject;
  allowed: boolean;
  /** A part of the denial message. */
  message?: string;
  conflictsWith?: string;
  /** Parts of warnings, in order. */
  warnings?: string[];
  patch?: JsonPatchOperation[];
}

const steps = (
  parse(
    readFileSync(path.resolve(import.meta.dirname, '../../../fixtures/gateway/guide-scenario.yaml'), 'utf8'),
  ) as {
    steps: Step[];
  }
).steps;

const settings = {
  serviceCidrs: [parseCidr('10.96.0.0/12')],
  platformNamespace: 'cpaas-system',
  metallbNamespace: 'metallb-system',
  // Inside the validity window of the fixture certificate (issued 2026-11-26 for ten years).
  now: () => new Date('2027-06-01T00:00:00Z'),
};

describe('the guide’s Gateway API walkthrough, admitted in order', () => {
  const store = storeWith();
  const results: Awaited<ReturnType<typeof reviewObject>>[] = [];

  // Steps depend on the state left by earlier ones, so they run in one sequence first.
  const run = (async () => {
    for (const step of steps) {
      const key = keyOf(step.object);
      const existing = store.get(key.groupKind, key.namespace, key.name);
      const result = await reviewObject({
        operation: existing ? 'UPDATE' : 'CREATE',
        object: step.object,
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
    const step = steps[i]!;
    const result = results[i]!;
    expect({ allowed: result.allowed, message: result.message }).toEqual({
      allowed: step.allowed,
      message: step.allowed ? '' : expect.stringContaining(step.message ?? ''),
    });
    if (step.conflictsWith) expect(result.message).toContain(`[conflicts with ${step.conflictsWith}]`);
    expect(result.warnings).toEqual((step.warnings ?? []).map((w) => expect.stringContaining(w)));
    if (step.patch) expect(result.patch).toEqual(step.patch);
  });
});
