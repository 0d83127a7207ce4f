import { INGRESS } from '../../../shared/kube/schemas/ingress.js';
import type { RuleFamily } from '../types.js';
import { ingressAnnotationsRule } from './annotations.js';
import { duplicateAccessPointsRule } from './duplicate-access-points.js';
import { ingressEqualityIndexes } from './indexes.js';
import { ingressPathsRule } from './ingress-paths.js';

/** Ingress (networking.k8s.io/v1): paths and hosts, duplicate access points, annotations. */
export const ingressFamily: RuleFamily = {
  name: 'ingress',
  rules: [ingressPathsRule, duplicateAccessPointsRule, ingressAnnotationsRule],
  mutators: [],
  equalityIndexes: ingressEqualityIndexes,
  reads: [INGRESS],
};
