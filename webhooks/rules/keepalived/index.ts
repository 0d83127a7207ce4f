import { ALB2 } from '../../../shared/kube/schemas/alb.js';
import { CONFIG_MAP } from '../../../shared/kube/schemas/core.js';
import type { RuleFamily } from '../types.js';
import { keepalivedEqualityIndexes } from './indexes.js';
import { keepalivedTemplateRule } from './template.js';

/** keepalived: the ConfigMaps labelled acpnet.io/keepalived that describe groups of soft LB hosts. */
export const keepalivedFamily: RuleFamily = {
  name: 'keepalived',
  rules: [keepalivedTemplateRule],
  mutators: [],
  equalityIndexes: keepalivedEqualityIndexes,
  reads: [CONFIG_MAP, ALB2],
};
