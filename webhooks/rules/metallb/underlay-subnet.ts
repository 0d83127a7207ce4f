import { describeObject } from '../../../shared/kube/object.js';
import { SUBNET, type Subnet } from '../../../shared/kube/schemas/kubeovn.js';
import { IP_ADDRESS_POOL } from '../../../shared/kube/schemas/metallb.js';
import { subnetRanges } from '../../../shared/kubeovn/subnet.js';
import { parsePoolAddresses } from '../../../shared/metallb/pool-addresses.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { POOL_ADDRESS_INDEX } from './indexes.js';
import { nameOf } from './lib/identity.js';
import {
  excludedRanges,
  lendsLoadBalancerAddresses,
  UNDERLAY_REASONS,
  underlayProblems,
} from './lib/underlay-model.js';

const RULE = 'metallb/underlay-subnet';

/**
 * The same rule seen from the Subnet: turning on enableExternalLBAddress, or editing excludeIps or
 * the CIDR of such a subnet, must keep the MetalLB pools inside it reserved.
 */
function check(ctx: AdmissionContext<Subnet>): Finding[] {
  const subnet = ctx.object;
  if (!lendsLoadBalancerAddresses(subnet)) return [];
  const excluded = excludedRanges(subnet);
  const out: Finding[] = [];
  for (const subnetRange of subnetRanges(subnet)) {
    const pools = new Map(
      ctx.view
        .overlapping(IP_ADDRESS_POOL, POOL_ADDRESS_INDEX, subnetRange)
        .filter((hit) => hit.object.metadata.namespace === ctx.settings.metallbNamespace)
        .map((hit) => [nameOf(hit.object), hit.object]),
    );
    for (const pool of pools.values()) {
      for (const entry of parsePoolAddresses(pool).entries) {
        if (entry.range.family !== subnetRange.family) continue;
        if (entry.range.last < subnetRange.first || entry.range.first > subnetRange.last) continue;
        for (const problem of underlayProblems(entry, nameOf(pool), subnet, subnetRange, excluded))
          out.push(
            deny(
              RULE,
              problem.reason === 'NotExcluded' ? 'spec.excludeIps' : 'spec.cidrBlock',
              problem.message,
              problem.reason,
              describeObject(pool),
            ),
          );
      }
    }
  }
  return out;
}

export const underlaySubnetRule: ValidationRule<Subnet> = {
  id: RULE,
  kinds: [SUBNET],
  reasons: UNDERLAY_REASONS,
  guide: 'Kube-OVN Underlay + MetalLB LoadBalancer 服务配置',
  check,
};
