import { COMMUNITY } from '../../../shared/kube/schemas/metallb.js';
import { objectList, specOf, stringField } from '../../../shared/kube/spec-fields.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { parseCommunity } from './community-value.js';

const RULE = 'metallb/community';

/** Community aliases: each needs a unique name and a legacy or large community value. */
function check(ctx: AdmissionContext): Finding[] {
  const out: Finding[] = [];
  const names = new Map<string, number>();
  objectList(specOf(ctx.object), 'communities').forEach((entry, i) => {
    const at = `spec.communities[${i}]`;
    const name = stringField(entry, 'name') ?? '';
    const value = stringField(entry, 'value') ?? '';
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

export const communityRule: ValidationRule = { id: RULE, kinds: [COMMUNITY], check };
