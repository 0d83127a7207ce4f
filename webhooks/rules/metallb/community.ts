import { COMMUNITY, type Community } from '../../../shared/kube/schemas/metallb.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { parseCommunity } from './lib/community-value.js';

const RULE = 'metallb/community';

/** Community aliases: each needs a unique name and a legacy or large community value. */
function check(ctx: AdmissionContext<Community>): Finding[] {
  const out: Finding[] = [];
  const names = new Map<string, number>();
  (ctx.object.spec?.communities ?? []).forEach((entry, i) => {
    const at = `spec.communities[${i}]`;
    const name = entry.name ?? '';
    const value = entry.value ?? '';
    if (!name) out.push(deny(RULE, `${at}.name`, 'an alias needs a name', 'MissingName'));
    else if (names.has(name))
      out.push(
        deny(
          RULE,
          `${at}.name`,
          `duplicate alias ${name} (also spec.communities[${names.get(name)}])`,
          'Duplicate',
        ),
      );
    else names.set(name, i);
    const parsed = parseCommunity(value);
    if (parsed.kind === 'invalid') out.push(deny(RULE, `${at}.value`, parsed.reason, 'InvalidCommunity'));
    if (parsed.kind === 'alias')
      out.push(
        deny(
          RULE,
          `${at}.value`,
          `${JSON.stringify(value)} is not a community: expected <0-65535>:<0-65535> or large:<uint32>:<uint32>:<uint32>`,
          'InvalidCommunity',
        ),
      );
  });
  return out;
}

export const communityRule: ValidationRule<Community> = {
  id: RULE,
  kinds: [COMMUNITY],
  reasons: ['MissingName', 'Duplicate', 'InvalidCommunity'],
  guide: '配置 MetalLB',
  check,
};
