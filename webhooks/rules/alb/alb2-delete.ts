import { ALB2, FRONTEND } from '../../../shared/kube/schemas/alb.js';
import { warn } from '../findings.js';
import type { ValidationRule } from '../types.js';
import { FRONTENDS_BY_ALB_INDEX, namespacedKey } from './indexes.js';

const RULE = 'alb/alb2-delete';

/** The guide: deleting a load balancer deletes its ports and rules, and they cannot be restored. */
export const alb2DeleteRule: ValidationRule = {
  id: RULE,
  kinds: [ALB2],
  operations: ['DELETE'],
  reasons: ['CascadingDelete'],
  guide: 'ALB 操作',
  check(ctx) {
    const namespace = ctx.object.metadata.namespace ?? '';
    const name = ctx.object.metadata.name ?? '';
    const frontends = ctx.view.byIndex(FRONTEND, FRONTENDS_BY_ALB_INDEX, namespacedKey(namespace, name));
    if (frontends.length === 0) return [];
    const names = frontends.map((f) => f.metadata.name ?? '').sort();
    return [
      warn(
        RULE,
        'metadata.name',
        `deleting ALB ${namespace}/${name} also deletes its ${names.length} Frontend(s) (${names.join(', ')}) and their Rules; they cannot be restored`,
        'CascadingDelete',
        `Frontend ${namespace}/${names[0]}`,
      ),
    ];
  },
};
