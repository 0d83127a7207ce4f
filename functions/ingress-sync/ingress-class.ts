import { ALB_LABEL } from '../../shared/kube/keys/alb.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../shared/kube/object.js';
import { groupKindOf, keyOf } from '../../shared/kube/object.js';
import type { ALB2 as Alb } from '../../shared/kube/schemas/alb.js';
import { ALB2 } from '../../shared/kube/schemas/alb.js';
import type { IngressClass } from '../../shared/kube/schemas/ingress.js';
import { INGRESS_CLASS } from '../../shared/kube/schemas/ingress.js';
import type { Effect } from '../runtime/contract.js';
import { albOwnerReferences } from './desired.js';

/** The controller of the IngressClass the ALB operator makes for each ALB: `<label base domain>/alb2`. */
export const ALB_INGRESS_CONTROLLER = 'cpaas.io/alb2';

const INGRESS_CLASS_API_VERSION = 'networking.k8s.io/v1';

/**
 * The IngressClass of an ALB: named as the ALB, whose Ingresses name it as their class (the guide:
 * 每个 ALB 创建一个同名的 IngressClass), labelled with the ALB's name and owned by the ALB2.
 */
export function ingressClassFor(alb: Alb): IngressClass {
  const name = alb.metadata.name ?? '';
  // Kubernetes never garbage-collects a cluster-wide object for a namespaced owner: the reference
  // marks the class as the ALB's (planAlbIngressClassDelete removes it), and blockOwnerDeletion
  // would only ask for rights on the ALB2's finalizers.
  const owners = albOwnerReferences(alb).map(({ blockOwnerDeletion: _, ...owner }) => owner);
  return {
    apiVersion: INGRESS_CLASS_API_VERSION,
    kind: INGRESS_CLASS.kind,
    metadata: {
      name,
      labels: { [ALB_LABEL]: name },
      ...(owners.length > 0 ? { ownerReferences: owners } : {}),
    },
    spec: { controller: ALB_INGRESS_CONTROLLER },
  };
}

type Owner = NonNullable<IngressClass['metadata']['ownerReferences']>[number];

function albOwners(ingressClass: IngressClass): Owner[] {
  return (ingressClass.metadata.ownerReferences ?? []).filter(
    (owner) => groupKindOf(owner) === ALB2.groupKind,
  );
}

/** Whether the class is the ALB controller's and owned by the ALB2 of that name (and uid, when known). */
function ownedBy(ingressClass: IngressClass, albName: string, albUid: string | undefined): boolean {
  return (
    ingressClass.spec?.controller === ALB_INGRESS_CONTROLLER &&
    albOwners(ingressClass).some(
      (owner) => owner.name === albName && (albUid === undefined || owner.uid === albUid),
    )
  );
}

/**
 * The ALB may (re)write the class of its name unless it belongs to another controller, or another
 * ALB2 of that name (in another namespace: IngressClasses are cluster-wide) that still exists owns it.
 */
function mayWrite(alb: Alb, existing: IngressClass | undefined, view: ModelView): boolean {
  if (!existing) return true;
  if (existing.spec?.controller !== ALB_INGRESS_CONTROLLER) return false;
  const liveUids = new Set(view.list(ALB2).map((other) => other.metadata.uid));
  return !albOwners(existing).some((owner) => owner.uid !== alb.metadata.uid && liveUids.has(owner.uid));
}

/** A new or changed ALB2 applies its IngressClass. */
export function planAlbIngressClass(alb: Alb, view: ModelView): Effect[] {
  const existing = view.get(INGRESS_CLASS, '', alb.metadata.name ?? '');
  return mayWrite(alb, existing, view) ? [{ op: 'apply', object: ingressClassFor(alb) }] : [];
}

/**
 * A deleted ALB2 takes its IngressClass with it, or hands it to another ALB2 of the same name that
 * remains (the first by namespace); a class it does not own is left alone.
 */
export function planAlbIngressClassDelete(alb: Pick<KubeObject, 'metadata'>, view: ModelView): Effect[] {
  const name = alb.metadata.name ?? '';
  const existing = view.get(INGRESS_CLASS, '', name);
  if (!existing || !ownedBy(existing, name, alb.metadata.uid)) return [];
  const deleted = (other: Alb) =>
    other.metadata.namespace === alb.metadata.namespace &&
    (alb.metadata.uid === undefined || other.metadata.uid === alb.metadata.uid);
  const heir = view
    .list(ALB2)
    .filter((other) => other.metadata.name === name && !deleted(other))
    .sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? ''))[0];
  if (heir) return [{ op: 'apply', object: ingressClassFor(heir) }];
  const uid = existing.metadata.uid;
  return [
    {
      op: 'delete',
      apiVersion: existing.apiVersion,
      key: keyOf(existing),
      ...(uid ? { preconditions: { uid } } : {}),
    },
  ];
}
