import type { GroupKind } from '../../../shared/kube/object.js';

export const ALB2: GroupKind = 'crd.alauda.io/ALB2';
export const FRONTEND: GroupKind = 'crd.alauda.io/Frontend';
/** The ALB Rule kind (named so as not to be confused with validation rules). */
export const RULE_KIND: GroupKind = 'crd.alauda.io/Rule';
export const NAMESPACE: GroupKind = '/Namespace';

/** The ALB a Frontend or Rule belongs to (same namespace). */
export const ALB_LABEL = 'alb2.cpaas.io/name';
/** The Frontend a Rule belongs to (same namespace). */
export const FRONTEND_LABEL = 'alb2.cpaas.io/frontend';
/** A Frontend's project in port-project mode. */
export const FRONTEND_PROJECT_LABEL = 'project.cpaas.io/name';
/** A namespace's project. */
export const NAMESPACE_PROJECT_LABEL = 'cpaas.io/project';

export const L7_PROTOCOLS: readonly string[] = ['http', 'https', 'grpc', 'grpcs'];
export const L4_PROTOCOLS: readonly string[] = ['tcp', 'udp'];
