import { SUBNET, type Subnet } from '../../../shared/kube/schemas/kubeovn.js';
import { objectName } from '../../../shared/kube/schemas/meta.js';
import { isIpAddress } from '../../../shared/net/address.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'kubeovn/subnet-gateway-settings';

/** `n1,n2` or `n1:ip,n2:ip` (spaces after commas tolerated, as in the guide's example). */
function gatewayNodeProblems(value: string): string[] {
  const out: string[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    const [node = '', address, ...rest] = entry.split(':');
    if (!objectName.safeParse(node).success)
      out.push(
        entry === node
          ? `${JSON.stringify(node)} is not a node name`
          : `${JSON.stringify(entry)}: ${JSON.stringify(node)} is not a node name`,
      );
    else if (rest.length > 0 || (address !== undefined && !isIpAddress(address))) {
      out.push(`${JSON.stringify(entry)}: expected "node" or "node:ip"`);
    }
  }
  return out;
}

/** Distributed or centralized gateways, and the nodes a centralized one runs on. */
function check(ctx: AdmissionContext<Subnet>): Finding[] {
  const spec = ctx.object.spec ?? {};
  const type = spec.gatewayType || 'distributed';
  if (type !== 'distributed' && type !== 'centralized') {
    return [
      deny(
        RULE,
        'spec.gatewayType',
        `unknown gatewayType ${JSON.stringify(type)} (distributed or centralized)`,
      ),
    ];
  }
  const out: Finding[] = [];
  const gatewayNode = spec.gatewayNode ?? '';
  const selectors = spec.gatewayNodeSelectors ?? [];
  if (gatewayNode) {
    for (const problem of gatewayNodeProblems(gatewayNode)) out.push(deny(RULE, 'spec.gatewayNode', problem));
  }
  if (type === 'centralized') {
    if (!gatewayNode && selectors.length === 0) {
      out.push(
        deny(RULE, 'spec.gatewayNode', 'a centralized gateway needs gatewayNode or gatewayNodeSelectors'),
      );
    }
    if (gatewayNode && selectors.length > 0) {
      out.push(warn(RULE, 'spec.gatewayNodeSelectors', 'ignored: gatewayNode is set and takes precedence'));
    }
  } else if (spec.enableEcmp) {
    out.push(warn(RULE, 'spec.enableEcmp', 'ECMP only applies to centralized gateways'));
  }
  return out;
}

export const subnetGatewaySettingsRule: ValidationRule<Subnet> = {
  id: RULE,
  kinds: [SUBNET],
  reasons: [],
  guide: '配置集中式网关',
  check,
};
