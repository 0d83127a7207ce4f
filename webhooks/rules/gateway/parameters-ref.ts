import { ENVOY_GROUP, ENVOY_PROXY } from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import { GATEWAY } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { Gateway } from '../../../shared/kube/schemas/gateway-api/gateway.js';
import { deny, warn } from '../findings.js';
import type { ValidationRule } from '../types.js';

const RULE = 'gateway/parameters-ref';

/** `spec.infrastructure.parametersRef` names an EnvoyProxy of the Gateway's namespace (warn while absent). */
export const parametersRef: ValidationRule<Gateway> = {
  id: RULE,
  kinds: [GATEWAY],
  reasons: ['InvalidParameters'],
  guide: '配置 GatewayAPI Gateway',
  check({ object, view }) {
    const ref = object.spec.infrastructure?.parametersRef;
    if (!ref) return [];
    const field = 'spec.infrastructure.parametersRef';
    if (ref.group !== ENVOY_GROUP || ref.kind !== 'EnvoyProxy')
      return [
        deny(
          RULE,
          field,
          `${ref.kind} (${ref.group || 'core'}) is not EnvoyProxy (${ENVOY_GROUP})`,
          'InvalidParameters',
        ),
      ];
    const ns = object.metadata.namespace ?? '';
    if (view.get(ENVOY_PROXY, ns, ref.name)) return [];
    return [
      warn(RULE, `${field}.name`, `EnvoyProxy ${ns}/${ref.name} does not exist (yet)`, 'InvalidParameters'),
    ];
  },
};
