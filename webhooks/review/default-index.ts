import { ruleFamilies } from '../rules/index.js';
import { RuleIndex } from './rule-index.js';

let index: RuleIndex | undefined;

/** The index of every registered rule family, built on first use. */
export function defaultRuleIndex(): RuleIndex {
  index ??= new RuleIndex(ruleFamilies);
  return index;
}
