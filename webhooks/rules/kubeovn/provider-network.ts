import { PROVIDER_NETWORK, type ProviderNetwork } from '../../../shared/kube/schemas/kubeovn.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'kubeovn/provider-network';

function check(ctx: AdmissionContext<ProviderNetwork>): Finding[] {
  const spec = ctx.object.spec;
  const out: Finding[] = [];
  const name = ctx.object.metadata.name ?? '';
  if (name.length > 12) {
    out.push(
      deny(
        RULE,
        'metadata.name',
        `name ${name} is ${name.length} characters; ProviderNetwork names are at most 12`,
      ),
    );
  }
  if (!spec?.defaultInterface) out.push(deny(RULE, 'spec.defaultInterface', 'defaultInterface is required'));
  const excluded = new Set(spec?.excludeNodes ?? []);
  (spec?.customInterfaces ?? []).forEach((custom, i) => {
    (custom.nodes ?? []).forEach((node, j) => {
      if (excluded.has(node)) {
        out.push(
          deny(
            RULE,
            `spec.customInterfaces[${i}].nodes[${j}]`,
            `node ${node} is also listed in spec.excludeNodes`,
            'NodeExcluded',
          ),
        );
      }
    });
  });
  return out;
}

export const providerNetworkRule: ValidationRule<ProviderNetwork> = {
  id: RULE,
  kinds: [PROVIDER_NETWORK],
  reasons: ['NodeExcluded'],
  guide: 'Underlay 网络',
  check,
};
