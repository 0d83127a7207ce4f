import { describe, expect, it } from '@jest/globals';
import type { KubeObject } from '../../../shared/kube/object.js';
import { type EventSpec, feed, newRuntime, readYaml } from './harness.js';

interface ExpectedFrontend {
  name: string;
  labels?: Record<string, string>;
  owner?: string;
  spec: Record<string, unknown>;
}

interface ExpectedRule {
  frontend: string;
  index: string;
  source?: string;
  labels?: Record<string, string>;
  spec: Record<string, unknown>;
}

interface Case {
  name: string;
  events: EventSpec[];
  expect: { frontends: ExpectedFrontend[]; rules: ExpectedRule[]; status?: Record<string, unknown> };
}

const state = readYaml<KubeObject[]>('ingress-sync/state.yaml');
const cases = readYaml<Case[]>('ingress-sync/cases.yaml');

describe('ingress-sync mapping', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const { store, processor } = await newRuntime(state);
    const results = await feed(processor, testCase.events);
    expect(results.map((r) => r.outcome)).toEqual(testCase.events.map(() => 'processed'));

    const frontends = store.list('crd.alauda.io/Frontend');
    expect(frontends.map((f) => f.metadata.name).sort()).toEqual(
      testCase.expect.frontends.map((f) => f.name).sort(),
    );
    for (const want of testCase.expect.frontends) {
      const got = frontends.find((f) => f.metadata.name === want.name);
      expect(got?.metadata.namespace).toBe('cpaas-system');
      expect(got?.spec).toEqual(want.spec);
      if (want.labels) expect(got?.metadata.labels).toEqual(want.labels);
      if (want.owner) {
        expect(got?.metadata.ownerReferences).toEqual([
          expect.objectContaining({ kind: 'ALB2', name: want.owner, controller: true }),
        ]);
      }
    }

    const rules = store.list('crd.alauda.io/Rule');
    expect(rules).toHaveLength(testCase.expect.rules.length);
    for (const want of testCase.expect.rules) {
      const matches = rules.filter(
        (r) =>
          r.metadata.labels?.['alb2.cpaas.io/frontend'] === want.frontend &&
          r.metadata.labels?.['alb2.cpaas.io/source-index'] === want.index &&
          (want.source === undefined || r.metadata.labels?.['alb2.cpaas.io/source-name'] === want.source),
      );
      expect(matches).toHaveLength(1);
      const rule = matches[0]!;
      expect(rule.metadata.name).toMatch(new RegExp(`^${want.frontend}-[0-9a-f]{16}$`));
      expect(rule.metadata.namespace).toBe('cpaas-system');
      expect(rule.spec).toEqual(want.spec);
      if (want.labels) expect(rule.metadata.labels).toEqual(want.labels);
    }

    if (testCase.expect.status) {
      const last = testCase.events.filter((e) => e.object.kind === 'Ingress').at(-1)!.object;
      const ingress = store.get(
        'networking.k8s.io/Ingress',
        last.metadata.namespace ?? '',
        last.metadata.name ?? '',
      );
      expect(ingress?.status ?? {}).toEqual(testCase.expect.status);
    }
  });
});
