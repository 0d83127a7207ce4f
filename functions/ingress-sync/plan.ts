import { ALB_LABEL, SOURCE_TYPE_LABEL } from '../../shared/kube/keys/alb.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { KubeObject, ObjectKey } from '../../shared/kube/object.js';
import { keyOf } from '../../shared/kube/object.js';
import type { ALB2, Rule } from '../../shared/kube/schemas/alb.js';
import { ALB_API_VERSION, ALB_RULE } from '../../shared/kube/schemas/alb.js';
import type { Ingress } from '../../shared/kube/schemas/ingress.js';
import { INGRESS } from '../../shared/kube/schemas/ingress.js';
import type { Effect } from '../runtime/contract.js';
import { desiredForAlb } from './desired.js';
import { RULES_BY_SOURCE, sourceKey } from './indexes.js';
import { ingressClassOf, selectAlbs } from './selection.js';
import { loadBalancerIngressOf } from './status.js';

function deleteEffect(obj: KubeObject): Effect {
  const uid = obj.metadata.uid;
  return {
    op: 'delete',
    apiVersion: obj.apiVersion,
    key: keyOf(obj),
    ...(uid ? { preconditions: { uid } } : {}),
  };
}

function existingRules(view: ModelView, namespace: string, name: string): readonly Rule[] {
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
export function planAlbChange(alb: ALB2, view: ModelView): Effect[] {
  return view
    .list(INGRESS)
    .filter((ingress) => ingressClassOf(ingress, view) === alb.metadata.name)
    .flatMap((ingress) => planIngressSync(ingress, view));
}

/** A deleted ALB2 takes the Rules it got from Ingresses with it; only its identity is known. */
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
