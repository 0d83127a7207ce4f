import { ALB_LABEL, SOURCE_TYPE_LABEL } from '../../shared/kube/keys/alb.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { KubeObject, ObjectKey } from '../../shared/kube/object.js';
import { keyOf } from '../../shared/kube/object.js';
import type { ALB2, Rule } from '../../shared/kube/schemas/alb.js';
import { ALB_API_VERSION, ALB_RULE } from '../../shared/kube/schemas/alb.js';
import type { Ingress } from '../../shared/kube/schemas/ingress.js';
import type { Effect } from '../runtime/contract.js';
import { ingressesOfClass } from './dependents.js';
import { desiredForAlb } from './desired.js';
import { RULES_BY_SOURCE, sourceKey } from './indexes.js';
import { planAlbIngressClass, planAlbIngressClassDelete } from './ingress-class.js';
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

/** Each Ingress planned as its own event would plan it, in the order given. */
export function planIngresses(ingresses: readonly Ingress[], view: ModelView): Effect[] {
  return ingresses.flatMap((ingress) => planIngressSync(ingress, view));
}

/**
 * A new or changed ALB2 applies its IngressClass and re-syncs the Ingresses of its class (they may
 * predate it).
 */
export function planAlbChange(alb: ALB2, view: ModelView): Effect[] {
  const className = alb.metadata.name ?? '';
  const ingresses = ingressesOfClass(view, className).filter(
    (ingress) => ingressClassOf(ingress, view) === className,
  );
  return [...planAlbIngressClass(alb, view), ...planIngresses(ingresses, view)];
}

/**
 * A deleted ALB2 takes the Rules it got from Ingresses, and its IngressClass, with it; only its
 * identity is known.
 */
export function planAlbDelete(alb: Pick<KubeObject, 'metadata'>, view: ModelView): Effect[] {
  const rules = view
    .list(ALB_RULE, alb.metadata.namespace ?? '')
    .filter(
      (rule) =>
        rule.apiVersion === ALB_API_VERSION &&
        rule.metadata.labels?.[ALB_LABEL] === alb.metadata.name &&
        rule.metadata.labels?.[SOURCE_TYPE_LABEL] === 'ingress',
    )
    .map(deleteEffect);
  return [...rules, ...planAlbIngressClassDelete(alb, view)];
}
