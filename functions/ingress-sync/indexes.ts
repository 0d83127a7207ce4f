import { equalityIndex } from '../../shared/kube/model/indexes.js';
import { ALB_RULE } from '../../shared/kube/schemas/alb.js';

export const RULES_BY_SOURCE = 'ingress-sync/rules-by-source';

/** The key of an Ingress in the index: `<namespace>/<name>`. */
export function sourceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** Rules by the Ingress they were made from (`spec.source`). */
export const rulesBySource = equalityIndex(ALB_RULE, RULES_BY_SOURCE, (rule) => {
  const source = rule.spec.source;
  return source?.type === 'ingress' ? [sourceKey(source.namespace, source.name)] : [];
});
