/** Labels, annotations and values of the platform's ALB (alb2.cpaas.io) and its projects. */

/** The ALB a Frontend or Rule belongs to (same namespace). */
export const ALB_LABEL = 'alb2.cpaas.io/name';
/** The Frontend a Rule belongs to (same namespace). */
export const FRONTEND_LABEL = 'alb2.cpaas.io/frontend';
/** Where a generated Rule came from: its source kind, name, namespace and rule index. */
export const SOURCE_TYPE_LABEL = 'alb2.cpaas.io/source-type';
export const SOURCE_NAME_LABEL = 'alb2.cpaas.io/source-name';
export const SOURCE_NAMESPACE_LABEL = 'alb2.cpaas.io/source-ns';
export const SOURCE_INDEX_LABEL = 'alb2.cpaas.io/source-index';
/** A Frontend's project in port-project mode. */
export const FRONTEND_PROJECT_LABEL = 'project.cpaas.io/name';
/** A namespace's project. */
export const NAMESPACE_PROJECT_LABEL = 'cpaas.io/project';
/** The project value that stands for every project. */
export const ALL_PROJECTS = 'ALL_ALL';

/** ALB's per-host certificates on an Ingress: `host=ns/secret,host2=ns/secret2`. */
export const ALB_TLS_ANNOTATION = 'alb.networking.cpaas.io/tls';
/** Asks for https under the ALB's `Request` SSL strategy: `true` or `false`. */
export const ALB_ENABLE_HTTPS_ANNOTATION = 'alb.networking.cpaas.io/enable-https';
/** `alb.cpaas.io/ingress-rule-priority-$rule_index-$path_index: '0'..'10'`. */
export const PRIORITY_ANNOTATION_PREFIX = 'alb.cpaas.io/ingress-rule-priority-';
/** The priority of an Ingress rule without the annotation. */
export const DEFAULT_PRIORITY = 5;

export const L7_PROTOCOLS: readonly string[] = ['http', 'https', 'grpc', 'grpcs'];
export const L4_PROTOCOLS: readonly string[] = ['tcp', 'udp'];

/** The label the ALB operator puts on an ALB2's Pods (in the ALB2's namespace): `alb2-<name>`. */
export const ALB_POD_LABEL = 'service_name';
const ALB_POD_PREFIX = 'alb2-';

/** The value of ALB_POD_LABEL on the Pods of the ALB2 `name`. */
export function albPodLabelValue(name: string): string {
  return `${ALB_POD_PREFIX}${name}`;
}

/** The ALB2 a Pod belongs to, from its ALB_POD_LABEL value; undefined when the value names none. */
export function albOfPodLabel(value: string | undefined): string | undefined {
  if (value === undefined || !value.startsWith(ALB_POD_PREFIX)) return undefined;
  return value.slice(ALB_POD_PREFIX.length) || undefined;
}
