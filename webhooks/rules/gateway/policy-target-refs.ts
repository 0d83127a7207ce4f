import { type ListenerOwnerObject, listenersOf } from '../../../shared/gateway/listeners.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import { SERVICE, type Service } from '../../../shared/kube/schemas/core.js';
import {
  BACKEND_TRAFFIC_POLICY,
  CLIENT_TRAFFIC_POLICY,
  SECURITY_POLICY,
} from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import {
  BACKEND_TLS_POLICY,
  GATEWAY,
  GATEWAY_GROUP,
  LISTENER_SET,
  ROUTE_KINDS,
} from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { Gateway } from '../../../shared/kube/schemas/gateway-api/gateway.js';
import { deny, warn } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import { LISTENER_SETS_BY_PARENT } from './indexes.js';
import { nsName } from './lib/infrastructure.js';
import {
  type AttachedPolicy,
  describeTarget,
  type PolicyTargetRef,
  targetFieldPath,
  targetRefsOf,
} from './lib/policy-targets.js';

const RULE = 'gateway/policy-target-refs';

const ROUTES = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'];

/** Target kinds each policy kind may attach to on this platform (group, kind). */
const TARGETS: Record<string, { group: string; kinds: string[] }> = {
  SecurityPolicy: { group: GATEWAY_GROUP, kinds: ['Gateway', 'HTTPRoute', 'GRPCRoute'] },
  ClientTrafficPolicy: { group: GATEWAY_GROUP, kinds: ['Gateway'] },
  BackendTrafficPolicy: { group: GATEWAY_GROUP, kinds: ['Gateway', ...ROUTES] },
  BackendTLSPolicy: { group: '', kinds: ['Service'] },
};

function servicePortNames(service: Service): string[] {
  return (service.spec?.ports ?? []).flatMap((p) => (p.name ? [p.name] : []));
}

function gatewayListenerNames(view: ModelView, gateway: Gateway): string[] {
  const key = nsName(gateway.metadata.namespace ?? '', gateway.metadata.name ?? '');
  const owners: ListenerOwnerObject[] = [
    gateway,
    ...view.byIndex(LISTENER_SET, LISTENER_SETS_BY_PARENT, key),
  ];
  return owners.flatMap((owner) => listenersOf(owner)).map((l) => l.listener.name);
}

function checkSection(view: ModelView, ref: PolicyTargetRef, field: string): Finding[] {
  const routeKind = ROUTE_KINDS.find((kind) => kind.kind === ref.kind);
  if (routeKind) {
    const route = view.get(routeKind, ref.namespace, ref.name);
    return route ? [] : [warn(RULE, field, `${describeTarget(ref)} does not exist (yet)`, 'TargetNotFound')];
  }
  if (ref.kind === 'Gateway') {
    const gateway = view.get(GATEWAY, ref.namespace, ref.name);
    if (!gateway) return [warn(RULE, field, `${describeTarget(ref)} does not exist (yet)`, 'TargetNotFound')];
    if (ref.sectionName === undefined || gatewayListenerNames(view, gateway).includes(ref.sectionName))
      return [];
    return [
      deny(
        RULE,
        `${field}.sectionName`,
        `"${ref.sectionName}" names no listener`,
        'TargetNotFound',
        `Gateway ${ref.namespace}/${ref.name}`,
      ),
    ];
  }
  if (ref.kind === 'Service') {
    const service = view.get(SERVICE, ref.namespace, ref.name);
    if (!service) return [warn(RULE, field, `${describeTarget(ref)} does not exist (yet)`, 'TargetNotFound')];
    if (ref.sectionName === undefined || servicePortNames(service).includes(ref.sectionName)) return [];
    return [
      deny(
        RULE,
        `${field}.sectionName`,
        `"${ref.sectionName}" names no port (ports: ${servicePortNames(service).join(', ') || 'none named'})`,
        'TargetNotFound',
        `Service ${ref.namespace}/${ref.name}`,
      ),
    ];
  }
  return [];
}

/**
 * Policy targets: kinds the policy can attach to, the policy's own namespace only, and a
 * sectionName that names a listener of the Gateway or a port of the Service when those are stored.
 */
export const policyTargetRefs: ValidationRule<AttachedPolicy> = {
  id: RULE,
  kinds: [SECURITY_POLICY, CLIENT_TRAFFIC_POLICY, BACKEND_TRAFFIC_POLICY, BACKEND_TLS_POLICY],
  reasons: ['InvalidKind', 'InvalidTargetNamespace', 'TargetNotFound'],
  guide: '配置 GatewayAPI 策略',
  check({ object, view }) {
    const allowed = TARGETS[object.kind];
    if (!allowed) return [];
    const findings: Finding[] = [];
    for (const ref of targetRefsOf(object)) {
      const field = targetFieldPath(object, ref);
      if (ref.group !== allowed.group || !allowed.kinds.includes(ref.kind)) {
        const expected = allowed.kinds.join(', ');
        findings.push(
          deny(
            RULE,
            `${field}.kind`,
            `${object.kind} cannot attach to ${ref.group ? `${ref.group}/` : ''}${ref.kind} (allowed: ${expected})`,
            'InvalidKind',
          ),
        );
        continue;
      }
      if (ref.explicitNamespace !== undefined && ref.explicitNamespace !== ref.namespace) {
        findings.push(
          deny(
            RULE,
            `${field}.namespace`,
            `a policy attaches only within its own namespace ${ref.namespace}, not ${ref.explicitNamespace}`,
            'InvalidTargetNamespace',
          ),
        );
        continue;
      }
      findings.push(...checkSection(view, ref, field));
    }
    return findings;
  },
};
