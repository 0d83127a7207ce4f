import { SUBNET, VPC, type Vpc } from '../../../shared/kube/schemas/kubeovn.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { SUBNET_VPC_INDEX } from './indexes.js';

const RULE = 'kubeovn/vpc-lifecycle';

/** A Vpc may not share a Subnet's name, and may not be deleted while subnets are in it. */
function check(ctx: AdmissionContext<Vpc>): Finding[] {
  const name = ctx.object.metadata.name ?? '';
  if (ctx.operation === 'DELETE') {
    const subnets = ctx.view.byIndex(SUBNET, SUBNET_VPC_INDEX, name);
    const first = subnets[0];
    if (!first) return [];
    return [
      deny(
        RULE,
        'metadata.name',
        `Vpc ${name} still holds ${subnets.length} subnet(s); delete them first`,
        'VpcInUse',
        `Subnet ${first.metadata.name ?? ''}`,
      ),
    ];
  }
  if (ctx.operation === 'CREATE' && ctx.view.get(SUBNET, '', name)) {
    return [deny(RULE, 'metadata.name', `a Subnet is already named ${name}`, 'NameTaken', `Subnet ${name}`)];
  }
  return [];
}

export const vpcLifecycleRule: ValidationRule<Vpc> = {
  id: RULE,
  kinds: [VPC],
  operations: ['CREATE', 'DELETE'],
  reasons: ['VpcInUse', 'NameTaken'],
  guide: 'Kube-OVN 网络',
  check,
};
