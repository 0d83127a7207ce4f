import type { GroupKind } from '../../../shared/kube/object.js';

export { DOMAIN } from '../../../shared/kube/schemas/alauda-domain.js';
export { GATEWAY, LISTENER_SET, REFERENCE_GRANT } from '../gateway/kinds.js';

export const SECRET: GroupKind = '/Secret';
export const INGRESS: GroupKind = 'networking.k8s.io/Ingress';
