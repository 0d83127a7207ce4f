import { ALB_RULE, FRONTEND } from '../../../shared/kube/schemas/alb.js';
import { warn } from '../findings.js';
import type { ValidationRule } from '../types.js';
import { namespacedKey, RULES_BY_FRONTEND_INDEX } from './indexes.js';

const RULE = 'alb/frontend-delete';

/** Warn when a Frontend goes while Rules still name it: they stop matching. */
export const frontendDeleteRule: ValidationRule = {
  id: RULE,
  kinds: [FRONTEND],
  operations: ['DELETE'],
  reasons: ['OrphanedRules'],
  guide: 'Frontend 操作',
  check(ctx) {
    const namespace = ctx.object.metadata.namespace ?? '';
    const name = ctx.object.metadata.name ?? '';
    const rules = ctx.view.byIndex(ALB_RULE, RULES_BY_FRONTEND_INDEX, namespacedKey(namespace, name));
    if (rules.length === 0) return [];
    const names = rules.map((r) => r.metadata.name ?? '').sort();
    return [
      warn(
        RULE,
        'metadata.name',
        `${names.length} Rule(s) (${names.join(', ')}) still name Frontend ${namespace}/${name} and stop matching`,
        'OrphanedRules',
        `Rule ${namespace}/${names[0]}`,
      ),
    ];
  },
};
