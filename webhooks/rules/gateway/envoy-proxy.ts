import type { KubeObject } from '../../../shared/kube/object.js';
import type { Finding, ValidationRule } from '../types.js';
import { deny, warn } from './findings.js';
import { GATEWAYS_BY_ENVOY_PROXY, gatewayEnvoyProxy, nsName } from './indexes.js';
import { ENVOY_PROXY, GATEWAY } from './kinds.js';
import { listenersOf } from './listeners.js';
import { array, dig, integer, record, text } from './read.js';

const RULE = 'gateway/envoy-proxy';
const SERVICE_TYPES = ['LoadBalancer', 'NodePort', 'ClusterIP'];
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

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

function serviceFindings(proxy: KubeObject): Finding[] {
  const findings: Finding[] = [];
  const service = ['spec', 'provider', 'kubernetes', 'envoyService'];
  const type = text(dig(proxy, ...service, 'type'));
  if (type !== undefined && !SERVICE_TYPES.includes(type))
    findings.push(
      deny(RULE, `${service.join('.')}.type`, `"${type}" is not one of ${SERVICE_TYPES.join(', ')}`),
    );
  array(dig(proxy, ...service, 'patch', 'value', 'spec', 'ports')).forEach((port, i) => {
    const nodePort = integer(record(port)?.nodePort);
    if (nodePort !== undefined && (nodePort < NODE_PORT_MIN || nodePort > NODE_PORT_MAX))
      findings.push(
        deny(
          RULE,
          `${service.join('.')}.patch.value.spec.ports[${i}].nodePort`,
          `${nodePort} is outside the NodePort range ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
        ),
      );
  });
  return findings;
}

/**
 * EnvoyProxy: Service type and NodePort range; a warning when hostNetwork would shift privileged
 * listener ports of the Gateways using it (checked from either side).
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
    return [
      ...serviceFindings(object),
      ...gateways.flatMap((g) => hostNetworkWarning(object, g, 'spec.provider.kubernetes')),
    ];
  },
};
