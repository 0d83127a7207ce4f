import type { GroupKind } from '../../../shared/kube/object.js';

export const INGRESS: GroupKind = 'networking.k8s.io/Ingress';

/** ALB's per-host certificates: `host=ns/secret,host2=ns/secret2`. */
export const ALB_TLS_ANNOTATION = 'alb.networking.cpaas.io/tls';
/** Asks for https under the ALB's `Request` SSL strategy: `true` or `false`. */
export const ALB_ENABLE_HTTPS_ANNOTATION = 'alb.networking.cpaas.io/enable-https';
/** `alb.cpaas.io/ingress-rule-priority-$rule_index-$path_index: '0'..'10'`. */
export const PRIORITY_ANNOTATION_PREFIX = 'alb.cpaas.io/ingress-rule-priority-';
export const NGINX_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';
