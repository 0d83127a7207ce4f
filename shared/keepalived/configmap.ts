import type { ConfigMap } from '../kube/schemas/core.js';

/** The label that makes a ConfigMap the source of truth of one group of keepalived LB hosts. */
export const KEEPALIVED_LABEL = 'acpnet.io/keepalived';
/** Where the ConfigMap holds the `instances` of alive.yaml, each naming its ALB2 instead of its ips. */
export const TEMPLATE_KEY = 'template.yaml';
/** Where the rendered alive.yaml goes (written by the keepalived-hosts function). */
export const ALIVE_KEY = 'alive.yaml';

/** A ConfigMap labelled `acpnet.io/keepalived: "true"`. */
export function isKeepalivedConfigMap(configMap: ConfigMap): boolean {
  return configMap.metadata.labels?.[KEEPALIVED_LABEL] === 'true';
}

/** The ALB2 an instance's `alb` names: `<name>` in the ConfigMap's namespace, or `<namespace>/<name>`. */
export function albReference(alb: string, namespace: string): { namespace: string; name: string } {
  const slash = alb.indexOf('/');
  return slash < 0
    ? { namespace, name: alb }
    : { namespace: alb.slice(0, slash), name: alb.slice(slash + 1) };
}
