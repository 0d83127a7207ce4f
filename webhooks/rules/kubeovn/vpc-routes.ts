import { VPC, type Vpc } from '../../../shared/kube/schemas/kubeovn.js';
import { parseAddress } from '../../../shared/net/address.js';
import { parseCidr } from '../../../shared/net/cidr.js';
import { parseList } from '../../../shared/net/syntax.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { netProblem } from './lib/net-problems.js';

const RULE = 'kubeovn/vpc-routes';
const routePolicies = ['policyDst', 'policySrc'];
const policyActions = ['allow', 'drop', 'reroute'];

/** Static routes, policy routes and peerings: the values OVN's logical router accepts. */
function check(ctx: AdmissionContext<Vpc>): Finding[] {
  const spec = ctx.object.spec;
  const out: Finding[] = [];
  (spec?.staticRoutes ?? []).forEach((route, i) => {
    const at = `spec.staticRoutes[${i}]`;
    const policy = route.policy;
    if (policy && !routePolicies.includes(policy)) {
      out.push(
        deny(
          RULE,
          `${at}.policy`,
          `policy ${JSON.stringify(policy)} is not one of ${routePolicies.join(', ')}`,
        ),
      );
    }
    const cidr = route.cidr ?? '';
    const cidrProblem = netProblem(() => (cidr.includes('/') ? parseCidr(cidr) : parseAddress(cidr)));
    if (cidrProblem) out.push(deny(RULE, `${at}.cidr`, cidrProblem, 'InvalidCidr'));
    const hop = netProblem(() => parseAddress(route.nextHopIP ?? ''));
    if (hop) out.push(deny(RULE, `${at}.nextHopIP`, hop, 'InvalidIP'));
  });
  (spec?.policyRoutes ?? []).forEach((route, i) => {
    const at = `spec.policyRoutes[${i}]`;
    const action = route.action ?? '';
    if (!policyActions.includes(action)) {
      out.push(
        deny(
          RULE,
          `${at}.action`,
          `action ${JSON.stringify(action)} is not one of ${policyActions.join(', ')}`,
        ),
      );
    } else if (action === 'reroute') {
      const hop = netProblem(() => parseList(route.nextHopIP ?? '', parseAddress));
      if (hop) out.push(deny(RULE, `${at}.nextHopIP`, hop, 'InvalidIP'));
    }
  });
  (spec?.vpcPeerings ?? []).forEach((peering, i) => {
    const problem = netProblem(() => parseList(peering.localConnectIP ?? '', parseCidr));
    if (problem) out.push(deny(RULE, `spec.vpcPeerings[${i}].localConnectIP`, problem, 'InvalidCidr'));
  });
  return out;
}

export const vpcRoutesRule: ValidationRule<Vpc> = {
  id: RULE,
  kinds: [VPC],
  reasons: ['InvalidCidr', 'InvalidIP'],
  guide: 'Kube-OVN 网络',
  check,
};
