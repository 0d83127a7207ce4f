import { groupKindOf } from '../../shared/kube/object.js';
import { ALB_RULE, ALB2, FRONTEND } from '../../shared/kube/schemas/alb.js';
import { NAMESPACE, SERVICE } from '../../shared/kube/schemas/core.js';
import { INGRESS, INGRESS_CLASS } from '../../shared/kube/schemas/ingress.js';
import type { EventFunction } from '../runtime/contract.js';
import { ingressesOfClass, ingressesOfNamespace, ingressesOfService } from './dependents.js';
import { ingressesByClass, ingressesByNamespace, ingressesByService, rulesBySource } from './indexes.js';
import { planAlbChange, planAlbDelete, planIngressDelete, planIngresses, planIngressSync } from './plan.js';

/**
 * Ingress → ALB Frontends and Rules, as the ALB's ingress sync does. Every input of a Rule is
 * consumed: an event of a Service, Namespace or IngressClass (deletes too) re-plans the Ingresses
 * that read it, exactly as their own events would.
 */
export const ingressSync: EventFunction = {
  name: 'ingress-sync',
  consumes: [INGRESS, ALB2, SERVICE, NAMESPACE, INGRESS_CLASS],
  reads: [FRONTEND, ALB_RULE],
  indexes: [rulesBySource, ingressesByService, ingressesByNamespace, ingressesByClass],
  plan(event, view) {
    const object = event.object;
    const namespace = object.metadata.namespace ?? '';
    const name = object.metadata.name ?? '';
    switch (groupKindOf(object)) {
      case ALB2.groupKind: {
        if (event.type === 'delete') return planAlbDelete(object, view);
        const alb = view.read(ALB2, object);
        return alb ? planAlbChange(alb, view) : [];
      }
      case SERVICE.groupKind:
        return planIngresses(ingressesOfService(view, namespace, name), view);
      case NAMESPACE.groupKind:
        return planIngresses(ingressesOfNamespace(view, name), view);
      case INGRESS_CLASS.groupKind:
        return planIngresses(ingressesOfClass(view, name), view);
      default: {
        if (event.type === 'delete') return planIngressDelete(namespace, name, view);
        const ingress = view.read(INGRESS, object);
        return ingress ? planIngressSync(ingress, view) : [];
      }
    }
  },
};
