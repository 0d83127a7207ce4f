import type { RuleFamily } from '../types.js';
import { albRuleRule } from './alb-rule.js';
import { alb2DeleteRule, alb2Rule } from './alb2.js';
import { frontendDeleteRule, frontendRule } from './frontend.js';
import { albEqualityIndexes } from './indexes.js';
import { ALB2, FRONTEND, NAMESPACE, RULE_KIND } from './kinds.js';

/** ALB (crd.alauda.io): ALB2, Frontend and Rule. */
export const albFamily: RuleFamily = {
  name: 'alb',
  rules: [alb2Rule, alb2DeleteRule, frontendRule, frontendDeleteRule, albRuleRule],
  mutators: [],
  equalityIndexes: albEqualityIndexes,
  reads: [ALB2, FRONTEND, RULE_KIND, NAMESPACE],
};
