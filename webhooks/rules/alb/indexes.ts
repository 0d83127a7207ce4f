import { ALB_LABEL, FRONTEND_LABEL } from '../../../shared/kube/keys/alb.js';
import { equalityIndex } from '../../../shared/kube/model/indexes.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { ALB_RULE, FRONTEND } from '../../../shared/kube/schemas/alb.js';
import type { EqualityIndexSpec } from '../../../shared/kube/store.js';

/** Frontends by `<namespace>|<alb>` of their ALB label. */
export const FRONTENDS_BY_ALB_INDEX = 'alb/frontends-by-alb';
/** Rules by `<namespace>|<frontend>` of their Frontend label. */
export const RULES_BY_FRONTEND_INDEX = 'alb/rules-by-frontend';

/** The key of both indexes: a namespace and the name of an object in it. */
export function namespacedKey(namespace: string | undefined, name: string | undefined): string {
  return `${namespace ?? ''}|${name ?? ''}`;
}

const byLabel =
  (label: string) =>
  (obj: Pick<KubeObject, 'metadata'>): string[] => {
    const value = obj.metadata.labels?.[label];
    return value ? [namespacedKey(obj.metadata.namespace, value)] : [];
  };

export const albEqualityIndexes: readonly EqualityIndexSpec[] = [
  equalityIndex(FRONTEND, FRONTENDS_BY_ALB_INDEX, byLabel(ALB_LABEL)),
  equalityIndex(ALB_RULE, RULES_BY_FRONTEND_INDEX, byLabel(FRONTEND_LABEL)),
];
