import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { desiredForAlb } from '../../../../functions/ingress-sync/desired.js';
import { selectAlbs } from '../../../../functions/ingress-sync/selection.js';
import { ModelView } from '../../../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../../../shared/kube/object.js';
import type { Ingress } from '../../../../shared/kube/schemas/ingress.js';
import { reviewObject } from '../../../../webhooks/review/engine.js';
import { RuleIndex } from '../../../../webhooks/review/rule-index.js';
import { albFamily } from '../../../../webhooks/rules/alb/index.js';
import { settings, storeWith } from '../support/fixture-cases.js';

const fixtures = path.resolve(import.meta.dirname, '../../../fixtures/functions/ingress-sync');
const state = parse(readFileSync(path.join(fixtures, 'state.yaml'), 'utf8')) as KubeObject[];
const cases = parse(readFileSync(path.join(fixtures, 'cases.yaml'), 'utf8')) as {
  name: string;
  events: { type: string; object: KubeObject }[];
}[];
const rules = new RuleIndex([albFamily]);

/** Frontends and Rules ingress-sync makes for the Ingresses of its own test cases. */
function generated(): [string, KubeObject, KubeObject[]][] {
  const out: [string, KubeObject, KubeObject[]][] = [];
  for (const testCase of cases) {
    for (const event of testCase.events) {
      if (event.type === 'delete' || event.object.kind !== 'Ingress') continue;
      const ingress = event.object as Ingress;
      const view = new ModelView(storeWith([albFamily], [...state, ingress]));
      for (const alb of selectAlbs(ingress, view)) {
        const { frontends, rules: albRules } = desiredForAlb(ingress, alb, view);
        const context = [...state, ...frontends];
        for (const obj of [...frontends, ...albRules]) {
          out.push([`${testCase.name}: ${obj.kind} ${obj.metadata.name}`, obj, context]);
        }
      }
    }
  }
  return out;
}

describe('what ingress-sync writes passes ALB admission', () => {
  const objects = generated();

  it('covers Frontends and Rules', () => {
    const kinds = new Set(objects.map(([, obj]) => obj.kind));
    expect([...kinds].sort()).toEqual(['Frontend', 'Rule']);
  });

  it.each(objects)('%s', async (_name, object, context) => {
    const result = await reviewObject(
      { operation: 'CREATE', object, view: storeWith([albFamily], context), settings },
      { rules },
    );
    expect(result.failures).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'deny')).toEqual([]);
  });
});
