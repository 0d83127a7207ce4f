import type { LabelSelector } from '../../../shared/kube/label-selector.js';
import { labelSelectorProblems } from '../../../shared/kube/label-selector-problems.js';
import { L2_ADVERTISEMENT } from '../../../shared/kube/schemas/metallb.js';
import { objectList, specOf } from '../../../shared/kube/spec-fields.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { commonAdvertisementFindings } from './advertisement-common.js';

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
