import { describeObject } from '../../../shared/kube/object.js';
import { SERVICE, type Service } from '../../../shared/kube/schemas/core.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { NODE_PORT_INDEX, nodePortKey } from './indexes.js';
import { externallyAccessible, nodePortsOf, serviceType } from './lib/service-model.js';

const RULE = 'service/ports';

/** The API server's default --service-node-port-range. */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

function sameObject(a: Service, b: Service): boolean {
  return a.metadata.name === b.metadata.name && (a.metadata.namespace ?? '') === (b.metadata.namespace ?? '');
}

function nodePortFindings(ctx: AdmissionContext<Service>): Finding[] {
  const out: Finding[] = [];
  const type = serviceType(ctx.object);
  if (type === 'ClusterIP' || type === 'ExternalName') return out;
  for (const use of nodePortsOf(ctx.object)) {
    const field = `spec.ports[${use.index}].nodePort`;
    if (use.nodePort < NODE_PORT_MIN || use.nodePort > NODE_PORT_MAX) {
      out.push(
        deny(
          RULE,
          field,
          `nodePort ${use.nodePort} is outside the node port range ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
          'NodePortOutOfRange',
        ),
      );
      continue;
    }
    const key = nodePortKey(use.nodePort, use.protocol);
    for (const other of ctx.view.byIndex(SERVICE, NODE_PORT_INDEX, key)) {
      if (sameObject(other, ctx.object)) continue;
      out.push(
        deny(
          RULE,
          field,
          `nodePort ${key} is already allocated to ${describeObject(other)}`,
          'NodePortConflict',
          describeObject(other),
        ),
      );
    }
  }
  return out;
}

function trafficPolicyFindings(service: Service): Finding[] {
  if (service.spec?.externalTrafficPolicy !== 'Local' || externallyAccessible(service)) return [];
  return [
    deny(
      RULE,
      'spec.externalTrafficPolicy',
      `externalTrafficPolicy Local needs type NodePort or LoadBalancer (or externalIPs), not ${serviceType(service)}`,
      'TrafficPolicyNotExternal',
    ),
  ];
}

function check(ctx: AdmissionContext<Service>): Finding[] {
  return [...nodePortFindings(ctx), ...trafficPolicyFindings(ctx.object)];
}

export const servicePortsRule: ValidationRule<Service> = {
  id: RULE,
  kinds: [SERVICE],
  reasons: ['NodePortOutOfRange', 'NodePortConflict', 'TrafficPolicyNotExternal'],
  guide: '配置服务',
  check,
};
