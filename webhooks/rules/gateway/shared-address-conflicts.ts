import {
  describeListener,
  describeOwner,
  type ListenerOwner,
  type ListenerOwnerObject,
  listenersOf,
} from '../../../shared/gateway/listeners.js';
import { ENVOY_PROXY } from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import type { EnvoyProxy } from '../../../shared/kube/schemas/envoy-gateway/envoy-proxy.js';
import { GATEWAY } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { deny } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import { GATEWAYS_BY_ENVOY_PROXY } from './indexes.js';
import { envoyProxyLoadBalancerIps, LB_IPS_ANNOTATION, nsName } from './lib/infrastructure.js';
import { describeConflict, planListenerConflicts } from './lib/listener-conflict-planner.js';
import { gatewaysPinning, listenerSetsOf } from './lib/topology.js';

const RULE = 'gateway/shared-address-conflicts';

/**
 * An EnvoyProxy that pins an address with `metallb.universe.tf/loadBalancerIPs` joins its Gateways
 * to every Gateway pinning that address: their listeners must then be distinct as if they were one
 * Gateway.
 */
export const sharedAddressConflicts: ValidationRule<EnvoyProxy> = {
  id: RULE,
  kinds: [ENVOY_PROXY],
  reasons: ['HostnameConflict', 'ProtocolConflict'],
  guide: '配置 GatewayAPI Gateway',
  check({ object, view }) {
    const ips = envoyProxyLoadBalancerIps(object);
    if (ips.length === 0) return [];
    const key = nsName(object.metadata.namespace ?? '', object.metadata.name ?? '');
    const mine = view.byIndex(GATEWAY, GATEWAYS_BY_ENVOY_PROXY, key);
    if (mine.length === 0) return [];
    const mineKeys = new Set(mine.map((g) => nsName(g.metadata.namespace ?? '', g.metadata.name ?? '')));
    const others = gatewaysPinning(view, ips, object).filter(
      (g) => !mineKeys.has(nsName(g.metadata.namespace ?? '', g.metadata.name ?? '')),
    );
    if (others.length === 0) return [];
    const gateways = [...others, ...mine];
    const owners: ListenerOwnerObject[] = [
      ...gateways,
      ...gateways.flatMap((g) => listenerSetsOf(view, g, object)),
    ];
    const listeners = owners.flatMap((owner) => listenersOf(owner));
    const isMine = (owner: ListenerOwner) =>
      owner.kind === 'Gateway' && mineKeys.has(nsName(owner.namespace, owner.name));
    const annotationField =
      object.metadata.annotations?.[LB_IPS_ANNOTATION] !== undefined
        ? `metadata.annotations["${LB_IPS_ANNOTATION}"]`
        : `spec.provider.kubernetes.envoyService.annotations["${LB_IPS_ANNOTATION}"]`;
    const findings: Finding[] = [];
    for (const plan of planListenerConflicts(listeners)) {
      if (!isMine(plan.listener.owner)) continue;
      const conflict = plan.conflicts.find((c) => !isMine(c.other.owner));
      if (!conflict) continue;
      findings.push(
        deny(
          RULE,
          annotationField,
          `${describeOwner(plan.listener.owner)} listener "${plan.listener.listener.name}": ${describeConflict(plan, conflict)} at a shared address (${ips.join(', ')})`,
          conflict.reason,
          describeListener(conflict.other),
        ),
      );
    }
    return findings;
  },
};
