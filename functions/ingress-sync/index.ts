import { groupKindOf } from '../../shared/kube/object.js';
import { ALB_RULE, ALB2, FRONTEND } from '../../shared/kube/schemas/alb.js';
import { NAMESPACE, SERVICE } from '../../shared/kube/schemas/core.js';
import { INGRESS, INGRESS_CLASS } from '../../shared/kube/schemas/ingress.js';
import type { EventFunction } from '../runtime/contract.js';
import { rulesBySource } from './indexes.js';
import { planAlbChange, planAlbDelete, planIngressDelete, planIngressSync } from './plan.js';

/** Ingress → ALB Frontends and Rules, as the ALB's ingress sync does. */
export const ingressSync: EventFunction = {
  name: 'ingress-sync',
  consumes: [INGRESS, ALB2],
  reads: [INGRESS_CLASS, NAMESPACE, SERVICE, FRONTEND, ALB_RULE],
  indexes: [rulesBySource],
  plan(event, view) {
    const object = event.object;
    if (groupKindOf(object) === ALB2.groupKind) {
      if (event.type === 'delete') return planAlbDelete(object, view);
      const alb = view.read(ALB2, object);
      return alb ? planAlbChange(alb, view) : [];
    }
    if (event.type === 'delete') {
      return planIngressDelete(object.metadata.namespace ?? '', object.metadata.name ?? '', view);
    }
    const ingress = view.read(INGRESS, object);
    return ingress ? planIngressSync(ingress, view) : [];
  },
};
