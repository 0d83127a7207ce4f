import { groupKindOf } from '../../shared/kube/object.js';
import type { ALB2 as ALB2Object } from '../../shared/kube/schemas/alb.js';
import type { Ingress } from '../../shared/kube/schemas/ingress.js';
import type { EventFunction } from '../runtime/contract.js';
import { ALB2, FRONTEND, INGRESS, INGRESS_CLASS, NAMESPACE, RULE, SERVICE } from './kinds.js';
import { planAlbChange, planAlbDelete, planIngressDelete, planIngressSync, rulesBySource } from './plan.js';

/** Ingress → ALB Frontends and Rules, as the ALB's ingress sync does. */
export const ingressSync: EventFunction = {
  name: 'ingress-sync',
  consumes: [INGRESS, ALB2],
  reads: [INGRESS_CLASS, NAMESPACE, SERVICE, FRONTEND, RULE],
  indexes: [rulesBySource],
  plan(event, view) {
    const object = event.object;
    if (groupKindOf(object) === ALB2) {
      return event.type === 'delete'
        ? planAlbDelete(object, view)
        : planAlbChange(object as unknown as ALB2Object, view);
    }
    if (event.type === 'delete') {
      return planIngressDelete(object.metadata.namespace ?? '', object.metadata.name ?? '', view);
    }
    return planIngressSync(object as unknown as Ingress, view);
  },
};
