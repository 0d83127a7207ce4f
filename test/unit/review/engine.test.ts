import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import type { KubeObject } from '../../../shared/kube/object.js';
import { FRONTEND } from '../../../shared/kube/schemas/alb.js';
import { GATEWAY } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { reviewObject } from '../../../webhooks/review/engine.js';
import { RuleIndex } from '../../../webhooks/review/rule-index.js';
import type { Operation, RuleFamily } from '../../../webhooks/rules/types.js';
import { fixtureView, testSettings, widgetFamily, widgetKind } from './support/widgets.js';

interface EngineCase {
  name: string;
  operation: Operation;
  state?: KubeObject[];
  object?: KubeObject;
  oldObject?: KubeObject;
  expect: Record<string, unknown>;
}

const cases = parse(
  readFileSync(path.resolve(process.cwd(), 'test/fixtures/review/engine-cases.yaml'), 'utf8'),
) as EngineCase[];
const rules = new RuleIndex([widgetFamily]);

describe('reviewObject', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await reviewObject(
      {
        operation: c.operation,
        object: c.object,
        oldObject: c.oldObject,
        view: fixtureView(c.state ?? []),
        settings: testSettings,
      },
      { rules },
    );
    expect(result).toMatchObject(c.expect);
  });

  it('reports the failing rule and its error for logging and counting', async () => {
    const object: KubeObject = {
      apiVersion: 'example.acpnet.io/v1',
      kind: 'Widget',
      metadata: { name: 'a', labels: { explode: 'yes' } },
    };
    const result = await reviewObject(
      { operation: 'CREATE', object, view: fixtureView([]), settings: testSettings },
      { rules },
    );
    expect(result.failures.map((f) => f.rule)).toEqual(['widgets/explode']);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ rule: 'widgets/explode', severity: 'deny' }),
    );
  });

  it('does not modify the submitted object', async () => {
    const object: KubeObject = {
      apiVersion: 'example.acpnet.io/v1',
      kind: 'Widget',
      metadata: { name: 'a' },
    };
    const copy = structuredClone(object);
    const result = await reviewObject(
      { operation: 'CREATE', object, view: fixtureView([]), settings: testSettings },
      { rules },
    );
    expect(object).toEqual(copy);
    expect(result.object?.spec).toEqual({ size: 1 });
  });

  const oversize: RuleFamily = {
    name: 'oversize',
    reads: [],
    rules: [],
    mutators: [
      {
        id: 'oversize/grow',
        kinds: [widgetKind],
        guide: 'none: a rule of the tests',
        mutate: () => [{ op: 'add', path: '/spec', value: { size: 99 } }],
      },
    ],
  };

  it('runs validation rules on the mutated object', async () => {
    const object: KubeObject = {
      apiVersion: 'example.acpnet.io/v1',
      kind: 'Widget',
      metadata: { name: 'a' },
    };
    const result = await reviewObject(
      { operation: 'CREATE', object, view: fixtureView([]), settings: testSettings },
      { rules: new RuleIndex([oversize, widgetFamily]) },
    );
    expect(result.message).toBe('spec.size: must be at most 10 (UnsupportedValue)');
  });

  it('skips validation rules in the mutate stage', async () => {
    const object: KubeObject = {
      apiVersion: 'example.acpnet.io/v1',
      kind: 'Widget',
      metadata: { name: 'a' },
    };
    const result = await reviewObject(
      { operation: 'CREATE', object, view: fixtureView([]), settings: testSettings },
      { rules: new RuleIndex([oversize, widgetFamily]), stage: 'mutate' },
    );
    expect(result).toMatchObject({ allowed: true, code: 200, warnings: [] });
    expect(result.patch).toEqual([{ op: 'add', path: '/spec', value: { size: 99 } }]);
  });

  it.each([
    ['throws', () => Promise.reject(new Error('mutator down'))],
    [
      'returns a patch that cannot apply',
      () => [{ op: 'replace' as const, path: '/spec/missing/x', value: 1 }],
    ],
  ])('fails closed when a mutator %s', async (_label, mutate) => {
    const broken: RuleFamily = {
      name: 'broken',
      reads: [],
      rules: [],
      mutators: [{ id: 'broken/mutator', kinds: [widgetKind], guide: 'none: a rule of the tests', mutate }],
    };
    const object: KubeObject = {
      apiVersion: 'example.acpnet.io/v1',
      kind: 'Widget',
      metadata: { name: 'a' },
      spec: { color: 'red' },
    };
    const result = await reviewObject(
      { operation: 'CREATE', object, view: fixtureView([]), settings: testSettings },
      { rules: new RuleIndex([broken]) },
    );
    expect(result).toMatchObject({ allowed: false, code: 500, patch: [] });
    expect(result.message).toMatch(/^rule broken\/mutator failed: /);
  });

  it('denies schema violations by field path and runs no rule on such an object', async () => {
    const tripwire: RuleFamily = {
      name: 'tripwire',
      reads: [],
      mutators: [],
      rules: [
        {
          id: 'tripwire/gateway',
          kinds: [GATEWAY],
          reasons: [],
          guide: 'none: a rule of the tests',
          check: () => {
            throw new Error('a rule ran on a schema-invalid object');
          },
        },
      ],
    };
    const object: KubeObject = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'eg', namespace: 'demo' },
      spec: {
        gatewayClassName: 'eg',
        listeners: [{ name: 'http', protocol: 'HTTP', port: 80, tls: {} }],
        extra: 1,
      },
    };
    const result = await reviewObject(
      { operation: 'CREATE', object, view: fixtureView([]), settings: testSettings },
      { rules: new RuleIndex([tripwire]) },
    );
    expect(result).toMatchObject({ allowed: false, code: 403, failures: [] });
    expect(result.findings).toContainEqual({
      severity: 'deny',
      rule: 'schema',
      field: 'spec.extra',
      message: 'unknown field "spec.extra"',
    });
    expect(result.findings.every((f) => f.rule === 'schema')).toBe(true);
  });

  it('warns about unknown fields the CRD keeps, once, and runs the rules on the object without them', async () => {
    const seen: unknown[] = [];
    const recorder: RuleFamily = {
      name: 'recorder',
      reads: [],
      mutators: [],
      rules: [
        {
          id: 'recorder/frontend',
          kinds: [FRONTEND],
          reasons: [],
          guide: 'none: a rule of the tests',
          check: ({ object }) => {
            seen.push(object.spec);
            return [];
          },
        },
      ],
    };
    const object: KubeObject = {
      apiVersion: 'crd.alauda.io/v1',
      kind: 'Frontend',
      metadata: { name: 'alb-00080', namespace: 'cpaas-system' },
      spec: { port: 80, protocol: 'http', services: [{ name: 'web', namespace: 'demo', port: 80 }] },
    };
    const review = (stage: 'mutate' | 'validate', operation: Operation = 'CREATE') =>
      reviewObject(
        { operation, object, oldObject: object, view: fixtureView([]), settings: testSettings },
        { rules: new RuleIndex([recorder]), stage },
      );
    const validated = await review('validate');
    expect(validated).toMatchObject({ allowed: true, code: 200 });
    expect(validated.findings).toEqual([
      {
        severity: 'warn',
        rule: 'schema',
        field: 'spec.services',
        message:
          'unknown field "spec.services" is stored but not read; did you mean "spec.serviceGroup.services"?',
        reason: 'UnknownField',
      },
    ]);
    expect(seen).toEqual([{ port: 80, protocol: 'http' }]);
    expect((await review('mutate')).warnings).toEqual([]);
    expect((await review('validate', 'DELETE')).warnings).toEqual([]);
  });
});
