import { dig, record, text } from '../../../shared/kube/fields.js';
import { ENVOY_GROUP, ENVOY_PROXY } from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import { GATEWAY } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { deny, warn } from '../findings.js';
import type { ValidationRule } from '../types.js';

const RULE = 'gateway/parameters-ref';

/** `spec.infrastructure.parametersRef` names an EnvoyProxy of the Gateway's namespace (warn while absent). */
export const parametersRef: ValidationRule = {
  id: RULE,
  kinds: [GATEWAY],
  check({ object, view }) {
    const ref = record(dig(object, 'spec', 'infrastructure', 'parametersRef'));
    if (!ref) return [];
    const field = 'spec.infrastructure.parametersRef';
    const group = text(ref.group) ?? '';
    const kind = text(ref.kind) ?? '';
    const name = text(ref.name) ?? '';
    if (group !== ENVOY_GROUP || kind !== 'EnvoyProxy')
      return [deny(RULE, field, `${group}/${kind} is not ${ENVOY_GROUP}/EnvoyProxy`, 'InvalidParameters')];
    const ns = object.metadata.namespace ?? '';
    if (view.get(ENVOY_PROXY, ns, name)) return [];
    return [
      warn(RULE, `${field}.name`, `EnvoyProxy ${ns}/${name} does not exist (yet)`, 'InvalidParameters'),
    ];
  },
};
