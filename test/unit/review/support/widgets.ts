import { z } from 'zod';
import { defineKind } from '../../../../shared/kube/model/kind-model.js';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { describeObject } from '../../../../shared/kube/object.js';
import { objectMeta } from '../../../../shared/kube/schemas/meta.js';
import type { ReadView } from '../../../../shared/kube/store.js';
import { parseCidr } from '../../../../shared/net/cidr.js';
import type { AdmissionSettings, RuleFamily } from '../../../../webhooks/rules/types.js';

/** A made-up kind whose fixture family exercises every path of the review engine. */
export const widgetKind = defineKind({
  group: 'example.acpnet.io',
  kind: 'Widget',
  plural: 'widgets',
  namespaced: true,
  versions: {
    v1: z.looseObject({
      apiVersion: z.literal('example.acpnet.io/v1'),
      kind: z.literal('Widget'),
      metadata: objectMeta,
      spec: z
        .looseObject({
          size: z.number().optional(),
          port: z.number().optional(),
          color: z.string().optional(),
        })
        .optional(),
    }),
  },
});

interface WidgetSpec {
  size?: number;
  port?: number;
  color?: string;
}

function spec(obj: KubeObject): WidgetSpec {
  return (obj.spec ?? {}) as WidgetSpec;
}

export const widgetFamily: RuleFamily = {
  name: 'widgets',
  reads: [widgetKind],
  equalityIndexes: [{ kind: widgetKind.groupKind, name: 'port', keys: (o) => [String(spec(o).port ?? '')] }],
  mutators: [
    {
      id: 'widgets/default-size',
      kinds: [widgetKind],
      guide: 'none: a rule of the tests',
      mutate: (ctx) => {
        if (ctx.object.spec === undefined) return [{ op: 'add', path: '/spec', value: { size: 1 } }];
        return spec(ctx.object).size === undefined ? [{ op: 'add', path: '/spec/size', value: 1 }] : [];
      },
    },
    {
      id: 'widgets/size-label',
      kinds: [widgetKind],
      guide: 'none: a rule of the tests',
      // Runs after default-size: the size it labels is the defaulted one.
      mutate: (ctx) =>
        ctx.object.metadata.labels
          ? [{ op: 'add', path: '/metadata/labels/size', value: String(spec(ctx.object).size) }]
          : [],
    },
  ],
  rules: [
    {
      id: 'widgets/size',
      kinds: [widgetKind],
      reasons: [],
      guide: 'none: a rule of the tests',
      check: (ctx) =>
        (spec(ctx.object).size ?? 0) > 10
          ? [
              {
                severity: 'deny',
                rule: 'widgets/size',
                field: 'spec.size',
                message: 'must be at most 10',
                reason: 'UnsupportedValue',
              },
            ]
          : [],
    },
    {
      id: 'widgets/port-conflict',
      kinds: [widgetKind],
      reasons: [],
      guide: 'none: a rule of the tests',
      check: (ctx) => {
        const port = spec(ctx.object).port;
        if (port === undefined) return [];
        return ctx.view
          .byIndex(widgetKind, 'port', String(port))
          .filter((other) => other.metadata.name !== ctx.object.metadata.name)
          .map((other) => ({
            severity: 'deny' as const,
            rule: 'widgets/port-conflict',
            field: 'spec.port',
            message: `port ${port} is taken`,
            reason: 'NodePortConflict',
            conflictsWith: describeObject(other),
          }));
      },
    },
    {
      id: 'widgets/color',
      kinds: [widgetKind],
      reasons: [],
      guide: 'none: a rule of the tests',
      check: (ctx) =>
        spec(ctx.object).color
          ? []
          : [{ severity: 'warn', rule: 'widgets/color', field: 'spec.color', message: 'no color set' }],
    },
    {
      id: 'widgets/explode',
      kinds: [widgetKind],
      reasons: [],
      guide: 'none: a rule of the tests',
      check: async (ctx) => {
        if (ctx.object.metadata.labels?.explode === 'yes') throw new Error('boom');
        return [];
      },
    },
    {
      id: 'widgets/protected',
      kinds: [widgetKind],
      reasons: [],
      guide: 'none: a rule of the tests',
      operations: ['DELETE'],
      check: (ctx) =>
        ctx.object.metadata.labels?.protected === 'true'
          ? [
              {
                severity: 'deny',
                rule: 'widgets/protected',
                field: 'metadata.labels',
                message: 'is protected',
              },
            ]
          : [],
    },
  ],
};

export const testSettings: AdmissionSettings = {
  serviceCidrs: [parseCidr('10.96.0.0/12')],
  platformNamespace: 'cpaas-system',
  metallbNamespace: 'metallb-system',
  now: () => new Date('2026-01-01T00:00:00Z'),
};

/** A read-only view over a fixed list of objects, enough for the pure engine units. */
export function fixtureView(objects: readonly KubeObject[], family: RuleFamily = widgetFamily): ReadView {
  const kindOf = (o: KubeObject) =>
    `${o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : ''}/${o.kind}`;
  return {
    get: <T extends KubeObject>(kind: string, namespace: string, name: string) =>
      objects.find(
        (o) => kindOf(o) === kind && (o.metadata.namespace ?? '') === namespace && o.metadata.name === name,
      ) as T | undefined,
    list: <T extends KubeObject>(kind: string, namespace?: string) =>
      objects.filter(
        (o) => kindOf(o) === kind && (namespace === undefined || o.metadata.namespace === namespace),
      ) as T[],
    byIndex: <T extends KubeObject>(kind: string, index: string, value: string) => {
      const spec = family.equalityIndexes?.find((s) => s.kind === kind && s.name === index);
      if (!spec) throw new Error(`no index ${index} on ${kind}`);
      return objects.filter((o) => kindOf(o) === kind && spec.keys(o).includes(value)) as T[];
    },
    overlapping: () => [],
    readSecret: async () => undefined,
  };
}
