/**
 * Schema messages in words (test/fixtures/schema-messages/messages.yaml): each case is an object,
 * read through its kind's model, and every issue and warning the reading gives, as `path: message`.
 * Objects without apiVersion are Probes, whose schema has a field for each kind of zod issue.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { z } from 'zod';
import { defineKind } from '../../shared/kube/model/kind-model.js';
import type { KubeObject } from '../../shared/kube/object.js';
import { modelOf } from '../../shared/kube/registry.js';
import type { SchemaIssue } from '../../shared/kube/schema-issues.js';
import { kubeObject } from '../../shared/kube/schemas/meta.js';

const PROBE_VERSION = 'test.acpnet.io/v1';

const probeSpec = z.strictObject({
  port: z.number().int().min(1).max(65535),
  name: z.string().min(1),
  protocol: z.enum(['HTTP', 'HTTPS', 'TCP']),
  tag: z.literal('ingress').optional(),
  items: z.array(z.string()).min(1).max(2).optional(),
  ratio: z.number().int().optional(),
  never: z.never().optional(),
  weight: z.number().gt(0).optional(),
  code: z
    .string()
    .max(3)
    .regex(/^[a-z]+$/)
    .optional(),
  zone: z.string().length(2).optional(),
  secret: z
    .string()
    .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be "<namespace>/<secret>"')
    .optional(),
  address: z.ipv4().optional(),
  ip: z.union([z.ipv4(), z.ipv6()]).optional(),
  prefix: z.string().startsWith('acp-').optional(),
  step: z.number().multipleOf(5).optional(),
  tags: z.record(z.string().regex(/^[a-z]+$/), z.string()).optional(),
  value: z.union([z.string(), z.number()]).optional(),
  either: z.xor([z.number(), z.number().int()]).optional(),
  provider: z
    .discriminatedUnion('type', [
      z.strictObject({ type: z.literal('Kubernetes') }),
      z.strictObject({ type: z.literal('Host'), path: z.string() }),
    ])
    .optional(),
  backend: z
    .union([
      z.strictObject({ service: z.strictObject({ name: z.string(), port: z.number() }) }),
      z.strictObject({ resource: z.strictObject({ kind: z.string(), name: z.string() }) }),
    ])
    .optional(),
  checked: z
    .string()
    .refine((v) => v !== 'bad', 'must not be "bad"')
    .optional(),
  plain: z
    .string()
    .refine((v) => v !== 'bad')
    .optional(),
  open: z.strictObject({ inner: z.strictObject({ deep: z.string().optional() }).optional() }).optional(),
});

const PROBE = defineKind({
  group: 'test.acpnet.io',
  kind: 'Probe',
  plural: 'probes',
  namespaced: true,
  versions: { v1: kubeObject(PROBE_VERSION, 'Probe', { spec: probeSpec }) },
  preservesUnknownFields: ['spec.open'],
});

interface MessageCase {
  name: string;
  object: Partial<KubeObject> & Record<string, unknown>;
  issues?: string[];
  warnings?: string[];
}

const cases = parse(
  readFileSync(path.resolve(process.cwd(), 'test/fixtures/schema-messages/messages.yaml'), 'utf8'),
) as MessageCase[];

function asProbe(object: MessageCase['object']): KubeObject {
  return {
    apiVersion: PROBE_VERSION,
    kind: 'Probe',
    metadata: { namespace: 'demo', name: 'probe' },
    ...object,
  };
}

const said = (issues: readonly SchemaIssue[]) => issues.map((i) => `${i.path}: ${i.message}`);

describe('schema messages', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const object = c.object.apiVersion === undefined ? asProbe(c.object) : { ...asProbe({}), ...c.object };
    const model = c.object.apiVersion === undefined ? PROBE : modelOf(object);
    expect(model).toBeDefined();
    const reading = model?.read(object);
    expect({ issues: said(reading?.issues ?? []), warnings: said(reading?.warnings ?? []) }).toEqual({
      issues: c.issues ?? [],
      warnings: c.warnings ?? [],
    });
  });

  it('covers every zod issue code that a JSON object can raise', () => {
    const codes = new Set<string>();
    for (const c of cases) {
      if (c.object.apiVersion !== undefined) continue;
      const result = PROBE.versions.v1?.safeParse(asProbe(c.object));
      const collect = (issues: readonly z.core.$ZodIssue[]) => {
        for (const issue of issues) {
          codes.add(issue.code);
          if (issue.code === 'invalid_union') for (const branch of issue.errors) collect(branch);
          if (issue.code === 'invalid_key') collect(issue.issues);
        }
      };
      collect(result?.error?.issues ?? []);
    }
    // invalid_element is raised by Maps and Sets only, which JSON has not.
    expect([...codes].sort()).toEqual(
      [
        'custom',
        'invalid_format',
        'invalid_key',
        'invalid_type',
        'invalid_union',
        'invalid_value',
        'not_multiple_of',
        'too_big',
        'too_small',
        'unrecognized_keys',
      ].sort(),
    );
  });
});
