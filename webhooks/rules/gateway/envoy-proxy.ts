import { listenersOf } from '../../../shared/gateway/listeners.js';
import { ENVOY_PROXY } from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import type { EnvoyProxy } from '../../../shared/kube/schemas/envoy-gateway/envoy-proxy.js';
import { GATEWAY } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { Gateway } from '../../../shared/kube/schemas/gateway-api/gateway.js';
import { warn } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import { GATEWAYS_BY_ENVOY_PROXY } from './indexes.js';
import { gatewayEnvoyProxy, nsName } from './lib/infrastructure.js';
import { isKind } from './lib/kinds.js';

const RULE = 'gateway/envoy-proxy';

/** A value inside a free-form patch (`patch.value` is any JSON the patch type accepts). */
function patchValueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = Object.getOwnPropertyDescriptor(current, key)?.value;
  }
  return current;
}

/** hostNetwork set through the Deployment patch's pod template. */
function usesHostNetwork(proxy: EnvoyProxy): boolean {
  const patch = proxy.spec?.provider?.kubernetes?.envoyDeployment?.patch;
  return patchValueAt(patch?.value, ['spec', 'template', 'spec', 'hostNetwork']) === true;
}

function keepsListenerPorts(proxy: EnvoyProxy): boolean {
  return proxy.spec?.provider?.kubernetes?.useListenerPortAsContainerPort === true;
}

function privilegedPorts(gateway: Gateway): number[] {
  return listenersOf(gateway).flatMap((l) => (l.listener.port < 1024 ? [l.listener.port] : []));
}

function hostNetworkWarning(proxy: EnvoyProxy, gateway: Gateway, field: string): Finding[] {
  if (!usesHostNetwork(proxy) || keepsListenerPorts(proxy)) return [];
  const ports = [...new Set(privilegedPorts(gateway))];
  if (ports.length === 0) return [];
  const shifted = ports.map((p) => `${p}→${p + 10000}`).join(', ');
  return [
    warn(
      RULE,
      field,
      `hostNetwork without useListenerPortAsContainerPort shifts privileged ports on the node (${shifted}); clients must add 10000`,
      undefined,
      `Gateway ${gateway.metadata.namespace}/${gateway.metadata.name}`,
    ),
  ];
}

/**
 * EnvoyProxy and its Gateways: a warning when hostNetwork would shift the privileged listener ports
 * of the Gateways using it, checked from either side. (Service type and NodePort range are schema
 * rules of EnvoyProxy.)
 */
export const envoyProxyRules: ValidationRule<EnvoyProxy | Gateway> = {
  id: RULE,
  kinds: [ENVOY_PROXY, GATEWAY],
  reasons: [],
  guide: '配置 GatewayAPI Gateway',
  check({ object, view }) {
    if (isKind(GATEWAY, object)) {
      const key = gatewayEnvoyProxy(object);
      const [ns = '', name = ''] = key?.split('/') ?? [];
      const proxy = key ? view.get(ENVOY_PROXY, ns, name) : undefined;
      return proxy ? hostNetworkWarning(proxy, object, 'spec.listeners') : [];
    }
    const key = nsName(object.metadata.namespace ?? '', object.metadata.name ?? '');
    const gateways = view.byIndex(GATEWAY, GATEWAYS_BY_ENVOY_PROXY, key);
    return gateways.flatMap((g) => hostNetworkWarning(object, g, 'spec.provider.kubernetes'));
  },
};
