import { L2_ADVERTISEMENT } from '../../../shared/kube/schemas/metallb.js';
import { deny } from '../findings.js';
import type { LabelSelector } from '../gateway/listeners.js';
import { objectList, specOf } from '../ipam/read.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { commonAdvertisementFindings } from './advertisement-common.js';
import { labelSelectorProblems } from './label-selectors.js';

const RULE = 'metallb/l2advertisement';

function check(ctx: AdmissionContext): Finding[] {
  const out = commonAdvertisementFindings(RULE, ctx);
  objectList(specOf(ctx.object), 'preferredNodeSelectors').forEach((preferred, i) => {
    const preference = (preferred['preference'] ?? {}) as LabelSelector;
    for (const problem of labelSelectorProblems(preference))
      out.push(
        deny(
          RULE,
          `spec.preferredNodeSelectors[${i}].preference.${problem.field}`,
          problem.message,
          'InvalidSelector',
        ),
      );
  });
  return out;
}

export const l2AdvertisementRule: ValidationRule = { id: RULE, kinds: [L2_ADVERTISEMENT], check };
