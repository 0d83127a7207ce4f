import { PROVIDER_NETWORK } from '../../../shared/kube/schemas/kubeovn.js';
import { nameOf, objectList, specOf, stringField, stringList } from '../../../shared/kube/spec-fields.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'kubeovn/provider-network';

function check(ctx: AdmissionContext): Finding[] {
  const spec = specOf(ctx.object);
  const out: Finding[] = [];
  const name = nameOf(ctx.object);
  if (name.length > 12) {
    out.push(
      deny(
        RULE,
        'metadata.name',
        `name ${name} is ${name.length} characters; ProviderNetwork names are at most 12`,
      ),
    );
  }
  if (!stringField(spec, 'defaultInterface'))
    out.push(deny(RULE, 'spec.defaultInterface', 'defaultInterface is required'));
  const excluded = new Set(stringList(spec, 'excludeNodes'));
  objectList(spec, 'customInterfaces').forEach((custom, i) => {
    stringList(custom, 'nodes').forEach((node, j) => {
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

export const providerNetworkRule: ValidationRule = { id: RULE, kinds: [PROVIDER_NETWORK], check };
