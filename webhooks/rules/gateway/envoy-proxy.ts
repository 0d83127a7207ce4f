import { listenersOf } from '../../../shared/gateway/listeners.js';
import { dig } from '../../../shared/kube/fields.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { ENVOY_PROXY } from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import { GATEWAY } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { warn } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import { GATEWAYS_BY_ENVOY_PROXY, gatewayEnvoyProxy, nsName } from './indexes.js';

const RULE = 'gateway/envoy-proxy';

const KUBERNETES = ['spec', 'provider', 'kubernetes'];

/** hostNetwork set through the Deployment or DaemonSet patch, or the pod template fields. */
function usesHostNetwork(proxy: KubeObject): boolean {
  return ['envoyDeployment', 'envoyDaemonSet'].some(
    (workload) =>
      dig(proxy, ...KUBERNETES, workload, 'patch', 'value', 'spec', 'template', 'spec', 'hostNetwork') ===
        true || dig(proxy, ...KUBERNETES, workload, 'pod', 'hostNetwork') === true,
  );
}

function keepsListenerPorts(proxy: KubeObject): boolean {
  return dig(proxy, ...KUBERNETES, 'useListenerPortAsContainerPort') === true;
}

function privilegedPorts(gateway: KubeObject): number[] {
  return listenersOf(gateway).flatMap((l) =>
    l.listener.port !== undefined && l.listener.port < 1024 ? [l.listener.port] : [],
  );
}

function hostNetworkWarning(proxy: KubeObject, gateway: KubeObject, field: string): Finding[] {
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
export const envoyProxyRules: ValidationRule = {
  id: RULE,
  kinds: [ENVOY_PROXY, GATEWAY],
  check({ object, view }) {
    if (object.kind === 'Gateway') {
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
