import { ALB_API_VERSION, ALB_LABEL, SOURCE_TYPE_LABEL } from '../../shared/kube/keys/alb.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { KubeObject, ObjectKey } from '../../shared/kube/object.js';
import { keyOf } from '../../shared/kube/object.js';
import type { ALB2 as ALB2Object } from '../../shared/kube/schemas/alb.js';
import { ALB_RULE } from '../../shared/kube/schemas/alb.js';
import type { Ingress } from '../../shared/kube/schemas/ingress.js';
import { INGRESS } from '../../shared/kube/schemas/ingress.js';
import type { EqualityIndexSpec } from '../../shared/kube/store.js';
import type { Effect } from '../runtime/contract.js';
import { desiredForAlb } from './desired.js';
import { ingressClassOf, selectAlbs } from './selection.js';
import { loadBalancerIngressOf } from './status.js';

export const RULES_BY_SOURCE = 'ingress-sync/rules-by-source';

function sourceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** Rules by the Ingress they were made from (`spec.source`). */
export const rulesBySource: EqualityIndexSpec = {
  kind: ALB_RULE.groupKind,
  name: RULES_BY_SOURCE,
  keys(rule: KubeObject) {
    const source = (
      rule.spec as { source?: { type?: string; name?: string; namespace?: string } } | undefined
    )?.source;
    return source?.type === 'ingress' && source.name && source.namespace
      ? [sourceKey(source.namespace, source.name)]
      : [];
  },
};

function deleteEffect(obj: KubeObject): Effect {
  const uid = obj.metadata.uid;
  return {
    op: 'delete',
    apiVersion: obj.apiVersion,
    key: keyOf(obj),
    ...(uid ? { preconditions: { uid } } : {}),
  };
}

function existingRules(view: ModelView, namespace: string, name: string): readonly KubeObject[] {
  return view.byIndex(ALB_RULE, RULES_BY_SOURCE, sourceKey(namespace, name));
}

function identity(key: ObjectKey): string {
  return `${key.namespace}/${key.name}`;
}

/** Every Rule the Ingress should have, given the ALBs that serve it; stale Rules are deleted. */
export function planIngressSync(ingress: Ingress, view: ModelView): Effect[] {
  const namespace = ingress.metadata.namespace ?? '';
  const name = ingress.metadata.name ?? '';
  const albs = selectAlbs(ingress, view);
  const effects: Effect[] = [];
  const wanted = new Set<string>();
  const frontends = new Set<string>();
  for (const alb of albs) {
    const desired = desiredForAlb(ingress, alb, view);
    for (const frontend of desired.frontends) {
      const id = identity(keyOf(frontend));
      if (frontends.has(id)) continue;
      frontends.add(id);
      effects.push({ op: 'createIfAbsent', object: frontend });
    }
    for (const rule of desired.rules) {
      wanted.add(identity(keyOf(rule)));
      effects.push({ op: 'apply', object: rule });
    }
  }
  for (const rule of existingRules(view, namespace, name)) {
    if (!wanted.has(identity(keyOf(rule)))) effects.push(deleteEffect(rule));
  }
  if (albs.length > 0) {
    effects.push({
      op: 'patchStatus',
      apiVersion: ingress.apiVersion,
      key: keyOf(ingress),
      status: { loadBalancer: { ingress: loadBalancerIngressOf(albs) } },
    });
  }
  return effects;
}

/** A deleted Ingress leaves no Rule behind. */
export function planIngressDelete(namespace: string, name: string, view: ModelView): Effect[] {
  return existingRules(view, namespace, name).map(deleteEffect);
}

/** A new or changed ALB2 re-syncs the Ingresses of its class (they may predate it). */
export function planAlbChange(alb: ALB2Object, view: ModelView): Effect[] {
  return view
    .list<Ingress>(INGRESS)
    .filter((ingress) => ingressClassOf(ingress, view) === alb.metadata.name)
    .flatMap((ingress) => planIngressSync(ingress, view));
}

/** A deleted ALB2 takes the Rules it got from Ingresses with it. */
export function planAlbDelete(alb: Pick<KubeObject, 'metadata'>, view: ModelView): Effect[] {
  return view
    .list(ALB_RULE, alb.metadata.namespace ?? '')
    .filter(
      (rule) =>
        rule.apiVersion === ALB_API_VERSION &&
        rule.metadata.labels?.[ALB_LABEL] === alb.metadata.name &&
        rule.metadata.labels?.[SOURCE_TYPE_LABEL] === 'ingress',
    )
    .map(deleteEffect);
}
