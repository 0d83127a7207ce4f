import { SUBNET, type Subnet } from '../../../shared/kube/schemas/kubeovn.js';
import { calicoBlockSize, isCalicoSubnet, subnetCidrs } from '../../../shared/kubeovn/subnet.js';
import { formatCidr } from '../../../shared/net/cidr.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'kubeovn/subnet-calico';

/** The guide's Calico constraints: prefix ≤ 31, no IPIP in dual stack, VXLAN port advice for IPv6. */
function check(ctx: AdmissionContext<Subnet>): Finding[] {
  if (!isCalicoSubnet(ctx.object)) return [];
  const spec = ctx.object.spec ?? {};
  const cidrs = subnetCidrs(ctx.object);
  const out: Finding[] = [];
  const v4 = cidrs.find((c) => c.family === 4);
  if (v4 && v4.prefix > 31) {
    out.push(deny(RULE, 'spec.cidrBlock', `${formatCidr(v4)}: Calico subnets need a prefix of at most /31`));
  }
  const blockSize = spec.v4blockSize;
  if (v4 && blockSize !== undefined && blockSize < v4.prefix) {
    out.push(
      deny(
        RULE,
        'spec.v4blockSize',
        `block size /${blockSize} is larger than the subnet ${formatCidr(v4)} (the guide's value is ${calicoBlockSize(v4.prefix)})`,
      ),
    );
  }
  const ipip = spec.ipipMode;
  const families = new Set(cidrs.map((c) => c.family));
  if (families.size === 2 && ipip !== undefined && ipip !== 'Never') {
    out.push(
      deny(RULE, 'spec.ipipMode', `IPIP (${ipip}) is not supported on a dual-stack subnet; use VXLAN`),
    );
  }
  if (families.has(6)) {
    out.push(
      warn(
        RULE,
        'spec.cidrBlock',
        'IPv6 Calico subnets use VXLAN encapsulation: make sure UDP port 4789 is open',
      ),
    );
  }
  return out;
}

export const subnetCalicoRule: ValidationRule<Subnet> = {
  id: RULE,
  kinds: [SUBNET],
  reasons: [],
  guide: 'Calico 网络',
  check,
};
