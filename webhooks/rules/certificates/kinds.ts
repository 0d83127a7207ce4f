import type { GroupKind } from '../../../shared/kube/object.js';

export { DOMAIN } from '../../../shared/kube/schemas/alauda-domain.js';
export { GATEWAY, LISTENER_SET, REFERENCE_GRANT } from '../gateway/kinds.js';

export const SECRET: GroupKind = '/Secret';
export const INGRESS: GroupKind = 'networking.k8s.io/Ingress';
export const ALB2: GroupKind = 'crd.alauda.io/ALB2';
export const FRONTEND: GroupKind = 'crd.alauda.io/Frontend';
/** The ALB Rule kind (named so as not to be confused with validation rules). */
export const RULE_KIND: GroupKind = 'crd.alauda.io/Rule';
