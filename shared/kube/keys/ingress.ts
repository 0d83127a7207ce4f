/** Annotations of Ingresses and IngressClasses that both ingress controllers read. */

export const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
export const NGINX_ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';
export const REWRITE_TARGET_ANNOTATION = 'nginx.ingress.kubernetes.io/rewrite-target';
