import { PROVIDER_NETWORK, VLAN } from '../../../shared/kube/schemas/kubeovn.js';
import { nameOf, numberField, specOf, stringField } from '../../../shared/kube/spec-fields.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { VLAN_PROVIDER_INDEX } from './indexes.js';

const RULE = 'kubeovn/vlan';

function check(ctx: AdmissionContext): Finding[] {
  const spec = specOf(ctx.object);
  const out: Finding[] = [];
  const id = numberField(spec, 'id') ?? numberField(spec, 'vlanId') ?? 0;
  const idField = numberField(spec, 'id') !== undefined ? 'spec.id' : 'spec.vlanId';
  if (!Number.isInteger(id) || id < 0 || id > 4094)
    out.push(deny(RULE, idField, `VLAN id ${id} is outside 0-4094`));
  const provider = stringField(spec, 'provider') ?? '';
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
      const otherSpec = specOf(other);
      const otherId = numberField(otherSpec, 'id') ?? numberField(otherSpec, 'vlanId') ?? 0;
      if (nameOf(other) === nameOf(ctx.object) || otherId !== id) continue;
      out.push(
        deny(
          RULE,
          idField,
          `VLAN id ${id} on provider ${provider} is already used by Vlan ${nameOf(other)}`,
          'VlanConflict',
          `Vlan ${nameOf(other)}`,
        ),
      );
    }
  }
  return out;
}

export const vlanRule: ValidationRule = { id: RULE, kinds: [VLAN], check };
