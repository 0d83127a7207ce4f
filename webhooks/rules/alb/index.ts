import { ALB_RULE, ALB2, FRONTEND } from '../../../shared/kube/schemas/alb.js';
import { NAMESPACE } from '../../../shared/kube/schemas/core.js';
import type { RuleFamily } from '../types.js';
import { albRuleRule } from './alb-rule.js';
import { alb2Rule } from './alb2.js';
import { alb2DeleteRule } from './alb2-delete.js';
import { frontendRule } from './frontend.js';
import { frontendDeleteRule } from './frontend-delete.js';
import { albEqualityIndexes } from './indexes.js';

/** ALB (crd.alauda.io): ALB2, Frontend and Rule. */
export const albFamily: RuleFamily = {
  name: 'alb',
  rules: [alb2Rule, alb2DeleteRule, frontendRule, frontendDeleteRule, albRuleRule],
  mutators: [],
  equalityIndexes: albEqualityIndexes,
  reads: [ALB2, FRONTEND, ALB_RULE, NAMESPACE],
};
