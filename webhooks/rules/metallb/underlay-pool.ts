import { SUBNET } from '../../../shared/kube/schemas/kubeovn.js';
import { IP_ADDRESS_POOL, type IPAddressPool } from '../../../shared/kube/schemas/metallb.js';
import { SUBNET_CIDR_INDEX } from '../../../shared/kubeovn/indexes.js';
import { parsePoolAddresses } from '../../../shared/metallb/pool-addresses.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { nameOf } from './lib/identity.js';
import {
  excludedRanges,
  lendsLoadBalancerAddresses,
  UNDERLAY_REASONS,
  underlayProblems,
} from './lib/underlay-model.js';

const RULE = 'metallb/underlay-pool';

/**
 * The guide's Kube-OVN underlay + MetalLB setup, seen from the pool: a pool inside a Subnet with
 * `enableExternalLBAddress: true` must lie in that subnet's `excludeIps` and be IPv4.
 */
function check(ctx: AdmissionContext<IPAddressPool>): Finding[] {
  const out: Finding[] = [];
  for (const entry of parsePoolAddresses(ctx.object).entries) {
    for (const hit of ctx.view.overlapping(SUBNET, SUBNET_CIDR_INDEX, entry.range)) {
      if (!lendsLoadBalancerAddresses(hit.object)) continue;
      for (const problem of underlayProblems(
        entry,
        nameOf(ctx.object),
        hit.object,
        hit.range,
        excludedRanges(hit.object),
      ))
        out.push(
          deny(
            RULE,
            `spec.addresses[${entry.index}]`,
            problem.message,
            problem.reason,
            `Subnet ${nameOf(hit.object)}`,
          ),
        );
    }
  }
  return out;
}

export const underlayPoolRule: ValidationRule<IPAddressPool> = {
  id: RULE,
  kinds: [IP_ADDRESS_POOL],
  reasons: UNDERLAY_REASONS,
  guide: 'Kube-OVN Underlay + MetalLB LoadBalancer 服务配置',
  check,
};
