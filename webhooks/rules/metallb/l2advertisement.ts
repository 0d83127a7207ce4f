import { labelSelectorProblems } from '../../../shared/kube/label-selector-problems.js';
import { L2_ADVERTISEMENT, type L2Advertisement } from '../../../shared/kube/schemas/metallb.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { commonAdvertisementFindings } from './lib/advertisement-common.js';

const RULE = 'metallb/l2advertisement';

function check(ctx: AdmissionContext<L2Advertisement>): Finding[] {
  const out = commonAdvertisementFindings(RULE, ctx.view, ctx.object);
  (ctx.object.spec?.preferredNodeSelectors ?? []).forEach((preferred, i) => {
    for (const problem of labelSelectorProblems(preferred.preference))
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

export const l2AdvertisementRule: ValidationRule<L2Advertisement> = {
  id: RULE,
  kinds: [L2_ADVERTISEMENT],
  reasons: ['Duplicate', 'PoolNotFound', 'InvalidSelector'],
  guide: '通过 CLI 使用 L2Advertisement 或 BGPAdvertisement 配置外部 IP 地址池',
  check,
};
