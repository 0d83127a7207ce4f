import { expect, it } from '@jest/globals';
import { parse, parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { reviewObject } from '../../../../webhooks/review/engine.js';
import { RuleIndex } from '../../../../webhooks/review/rule-index.js';
import { albFamily } from '../../../../webhooks/rules/alb/index.js';
import { ingressFamily } from '../../../../webhooks/rules/ingress/index.js';
import { describeWithGuide, guideText } from '../../../support/guide.js';
import { settings, storeWith } from '../support/fixture-cases.js';

const families = [ingressFamily, albFamily];
const rules = new RuleIndex(families);

/** Ingress and ALB objects of the guide's code blocks, without the callout markers (① ❶ ...). */
function guideObjects(): KubeObject[] {
  const text = guideText();
  const out: KubeObject[] = [];
  for (const [, block = ''] of text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)) {
    if (!/kind: (Ingress|ALB2|Frontend|Rule)\n/.test(block)) continue;
    const clean = block.replace(/[\u2460-\u2473\u2776-\u277f]/g, '').replace(/[ \t]+$/gm, '');
    for (const doc of parseAllDocuments(clean)) {
      const obj = doc.toJS({ mapAsMap: false }) as KubeObject | null;
      if (!obj || typeof obj !== 'object') continue;
      if (obj.kind === 'Ingress' || ['ALB2', 'Frontend', 'Rule'].includes(String(obj.kind))) out.push(obj);
    }
  }
  return out;
}

/** The guide's dslx example: a block that starts with its (misspelt) `ds1x:` key. */
function guideDslx(): unknown {
  const text = guideText();
  const block = [...text.matchAll(/```[a-z]*\n(ds1x:[\s\S]*?)```/g)][0]?.[1];
  return (parse(block ?? '') as { ds1x?: unknown } | null)?.ds1x;
}

/**
 * What a CREATE of each example gets, with the other examples stored. Denied examples are the
 * guide's own slips, each with the fields that give it away.
 */
const expected: Record<
  string,
  { allowed: boolean; deniedFields?: string[]; warnedFields?: string[]; why?: string }
> = {
  'Ingress/nginx-ingress': { allowed: true },
  'ALB2/alb-demo': { allowed: true },
  // The Frontend and Rule CRDs keep unknown fields of spec: the API server stores spec.services
  // where nothing reads it, so acpnet admits them and warns, naming spec.serviceGroup.services.
  'Frontend/alb-demo-00080': {
    allowed: true,
    warnedFields: ['spec.services'],
    why: 'services is indented at spec level instead of under serviceGroup',
  },
  'Rule/alb-demo-00080-test': {
    allowed: true,
    warnedFields: ['spec.services'],
    why: 'serviceGroup is left empty (null, dropped by the API server) and services is indented at spec level',
  },
  'ALB2/demo-alb': {
    allowed: false,
    deniedFields: ['spec.address', 'spec.config.projects'],
    why: 'a partial object showing only the pod-annotations annotation',
  },
};

/** The indentation slip corrected: services moved under serviceGroup. */
function corrected(obj: KubeObject): KubeObject {
  const copy = structuredClone(obj) as KubeObject & { spec: Record<string, unknown> };
  const { services, serviceGroup, ...rest } = copy.spec;
  if (services === undefined) return copy;
  const group = serviceGroup && typeof serviceGroup === 'object' ? serviceGroup : {};
  copy.spec = { ...rest, serviceGroup: { ...group, services } };
  return copy;
}

describeWithGuide('the guide’s Ingress and ALB examples', () => {
  const objects = guideObjects();
  const labelled = objects.map((o) => [`${o.kind}/${o.metadata.name}`, o] as const);

  async function review(object: KubeObject) {
    return reviewObject(
      { operation: 'CREATE', object, view: storeWith(families, objects.map(corrected)), settings },
      { rules },
    );
  }

  it('finds every example this test expects, and no other', () => {
    expect(labelled.map(([name]) => name).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(labelled)('%s', async (name, object) => {
    const want = expected[name];
    const result = await review(object);
    expect(result.failures).toEqual([]);
    const denied = [
      ...new Set(result.findings.filter((f) => f.severity === 'deny').map((f) => f.field)),
    ].sort();
    const unknown = result.findings.filter((f) => f.reason === 'UnknownField');
    expect({ allowed: result.allowed, denied, warned: unknown.map((f) => f.field).sort() }).toEqual({
      allowed: want?.allowed,
      denied: [...(want?.deniedFields ?? [])].sort(),
      warned: [...(want?.warnedFields ?? [])].sort(),
    });
    for (const finding of unknown) expect(finding.message).toContain('"spec.serviceGroup.services"');
  });

  it.each(labelled.filter(([name]) => expected[name]?.why?.includes('indented')))(
    '%s is admitted once services sit under serviceGroup',
    async (_name, object) => {
      const result = await review(corrected(object));
      expect(result.findings.filter((f) => f.severity === 'deny')).toEqual([]);
      expect(result.allowed).toBe(true);
    },
  );

  it('admits the guide’s dslx example, every type in the flat form', async () => {
    const dslx = guideDslx();
    expect(Array.isArray(dslx) && dslx.length).toBe(7);
    const result = await review({
      apiVersion: 'crd.alauda.io/v1',
      kind: 'Rule',
      metadata: {
        name: 'alb-demo-00080-dslx',
        namespace: 'cpaas-system',
        labels: { 'alb2.cpaas.io/frontend': 'alb-demo-00080', 'alb2.cpaas.io/name': 'alb-demo' },
      },
      spec: { priority: 5, dslx },
    } as KubeObject);
    expect(result.findings).toEqual([]);
    expect(result.allowed).toBe(true);
  });
});
