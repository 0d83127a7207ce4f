import { PROVIDER_NETWORK, VLAN, type Vlan } from '../../../shared/kube/schemas/kubeovn.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { VLAN_PROVIDER_INDEX } from './indexes.js';

const RULE = 'kubeovn/vlan';

/** The VLAN id, from `id` or the older `vlanId`; 0 (untagged) when neither is set. */
function vlanId(vlan: Vlan): number {
  return vlan.spec?.id ?? vlan.spec?.vlanId ?? 0;
}

function check(ctx: AdmissionContext<Vlan>): Finding[] {
  const spec = ctx.object.spec;
  const name = ctx.object.metadata.name ?? '';
  const out: Finding[] = [];
  const id = vlanId(ctx.object);
  const idField = spec?.id !== undefined ? 'spec.id' : 'spec.vlanId';
  if (!Number.isInteger(id) || id < 0 || id > 4094)
    out.push(deny(RULE, idField, `VLAN id ${id} is outside 0-4094`));
  const provider = spec?.provider ?? '';
  if (!provider) {
    out.push(deny(RULE, 'spec.provider', 'provider is required'));
    return out;
  }
  if (!ctx.view.get(PROVIDER_NETWORK, '', provider)) {
    out.push(
      warn(
        RULE,
        'spec.provider',
        `ProviderNetwork ${provider} does not exist (yet)`,
        'ProviderNotFound',
        `ProviderNetwork ${provider}`,
      ),
    );
  }
  if (id !== 0) {
    for (const other of ctx.view.byIndex(VLAN, VLAN_PROVIDER_INDEX, provider)) {
      const otherName = other.metadata.name ?? '';
      if (otherName === name || vlanId(other) !== id) continue;
      out.push(
        deny(
          RULE,
          idField,
          `VLAN id ${id} on provider ${provider} is already used by Vlan ${otherName}`,
          'VlanConflict',
          `Vlan ${otherName}`,
        ),
      );
    }
  }
  return out;
}

export const vlanRule: ValidationRule<Vlan> = {
  id: RULE,
  kinds: [VLAN],
  reasons: ['ProviderNotFound', 'VlanConflict'],
  guide: 'Underlay 网络',
  check,
};
