import { METALLB_KINDS } from '../../../shared/kube/schemas/metallb.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'metallb/namespace';

/** MetalLB only reads its objects from its own namespace; one elsewhere is silently ignored. */
function check(ctx: AdmissionContext): Finding[] {
  const namespace = ctx.object.metadata.namespace ?? '';
  const expected = ctx.settings.metallbNamespace;
  if (namespace === expected) return [];
  return [
    deny(
      RULE,
      'metadata.namespace',
      `${ctx.object.kind} must be created in the MetalLB namespace ${expected}, not ${namespace || '<none>'}; MetalLB ignores it elsewhere`,
      'WrongNamespace',
      `Namespace ${expected}`,
    ),
  ];
}

export const metallbNamespaceRule: ValidationRule = {
  id: RULE,
  kinds: METALLB_KINDS,
  reasons: ['WrongNamespace'],
  guide: '配置 MetalLB',
  check,
};
