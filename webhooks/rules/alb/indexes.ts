import { ALB_LABEL, FRONTEND_LABEL } from '../../../shared/kube/keys/alb.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { ALB_RULE, FRONTEND } from '../../../shared/kube/schemas/alb.js';
import type { EqualityIndexSpec } from '../../../shared/kube/store.js';

/** Frontends by `<namespace>|<alb>` of their ALB label. */
export const FRONTENDS_BY_ALB_INDEX = 'alb/frontends-by-alb';
/** Rules by `<namespace>|<frontend>` of their Frontend label. */
export const RULES_BY_FRONTEND_INDEX = 'alb/rules-by-frontend';

const byLabel = (label: string) => (obj: KubeObject) => {
  const value = obj.metadata.labels?.[label];
  return value ? [`${obj.metadata.namespace ?? ''}|${value}`] : [];
};

export const albEqualityIndexes: readonly EqualityIndexSpec[] = [
  { kind: FRONTEND.groupKind, name: FRONTENDS_BY_ALB_INDEX, keys: byLabel(ALB_LABEL) },
  { kind: ALB_RULE.groupKind, name: RULES_BY_FRONTEND_INDEX, keys: byLabel(FRONTEND_LABEL) },
];
