import { describeObject } from '../../../shared/kube/object.js';
import { SERVICE, type Service } from '../../../shared/kube/schemas/core.js';
import {
  backendKey,
  portKeys,
  requestedLoadBalancerIps,
  sharingKey,
} from '../../../shared/metallb/service-addresses.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { LOAD_BALANCER_IP_INDEX } from './indexes.js';
import { sameObject } from './lib/identity.js';
import { serviceTypeOf } from './lib/service-type.js';

const RULE = 'metallb/lb-ip-sharing';

function sharingProblem(service: Service, other: Service): string | undefined {
  const key = sharingKey(service);
  const otherKey = sharingKey(other);
  if (key === undefined || key === '' || key !== otherKey)
    return `MetalLB shares an address only between Services with the same metallb.io/allow-shared-ip key (this one: ${key ? JSON.stringify(key) : 'none'}, ${describeObject(other)}: ${otherKey ? JSON.stringify(otherKey) : 'none'})`;
  if (backendKey(service) !== backendKey(other))
    return `with externalTrafficPolicy Local, MetalLB shares an address only between Services of the same selector (this one: ${backendKey(service) || 'Cluster'}, ${describeObject(other)}: ${backendKey(other) || 'Cluster'})`;
  const theirs = new Set(portKeys(other));
  const clash = portKeys(service).filter((port) => theirs.has(port));
  if (clash.length > 0) return `both use port ${clash.join(', ')}, so they cannot share the address`;
  return undefined;
}

/** A requested LoadBalancer address another Service requests or holds must be shareable with it. */
function check(ctx: AdmissionContext<Service>): Finding[] {
  const service = ctx.object;
  if (serviceTypeOf(service) !== 'LoadBalancer') return [];
  const out: Finding[] = [];
  for (const { address, field } of requestedLoadBalancerIps(service)) {
    for (const other of ctx.view.byIndex(SERVICE, LOAD_BALANCER_IP_INDEX, address)) {
      if (sameObject(other, service) || serviceTypeOf(other) !== 'LoadBalancer') continue;
      const problem = sharingProblem(service, other);
      if (!problem) continue;
      out.push(
        deny(
          RULE,
          field,
          `${address} is already requested or held by ${describeObject(other)}; ${problem}`,
          'AddressInUse',
          describeObject(other),
        ),
      );
    }
  }
  return out;
}

export const lbIpSharingRule: ValidationRule<Service> = {
  id: RULE,
  kinds: [SERVICE],
  reasons: ['AddressInUse'],
  guide: '如何在使用 MetalLB 时指定 VIP',
  check,
};
