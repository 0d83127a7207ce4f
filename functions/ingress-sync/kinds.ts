import type { GroupKind } from '../../shared/kube/object.js';

export const INGRESS: GroupKind = 'networking.k8s.io/Ingress';
export const INGRESS_CLASS: GroupKind = 'networking.k8s.io/IngressClass';
export const ALB2: GroupKind = 'crd.alauda.io/ALB2';
export const FRONTEND: GroupKind = 'crd.alauda.io/Frontend';
export const RULE: GroupKind = 'crd.alauda.io/Rule';
export const NAMESPACE: GroupKind = '/Namespace';
export const SERVICE: GroupKind = '/Service';

export const ALB_API_VERSION = 'crd.alauda.io/v1';
export const ALB2_API_VERSION = 'crd.alauda.io/v2beta1';

export const LABEL_ALB = 'alb2.cpaas.io/name';
export const LABEL_FRONTEND = 'alb2.cpaas.io/frontend';
export const LABEL_SOURCE_TYPE = 'alb2.cpaas.io/source-type';
export const LABEL_SOURCE_NAME = 'alb2.cpaas.io/source-name';
export const LABEL_SOURCE_NS = 'alb2.cpaas.io/source-ns';
export const LABEL_SOURCE_INDEX = 'alb2.cpaas.io/source-index';
export const LABEL_PROJECT = 'cpaas.io/project';

export const ANNOTATION_TLS = 'alb.networking.cpaas.io/tls';
export const ANNOTATION_ENABLE_HTTPS = 'alb.networking.cpaas.io/enable-https';
export const ANNOTATION_PRIORITY_PREFIX = 'alb.cpaas.io/ingress-rule-priority-';
export const ANNOTATION_REWRITE_TARGET = 'nginx.ingress.kubernetes.io/rewrite-target';
export const ANNOTATION_LEGACY_CLASS = 'kubernetes.io/ingress.class';
export const ANNOTATION_DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';

export const ALL_PROJECTS = 'ALL_ALL';
export const DEFAULT_PRIORITY = 5;
