import { DEFAULT_VPC, JOIN_SUBNET } from '../../../shared/kube/keys/kubeovn.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import { describeObject } from '../../../shared/kube/object.js';
import { IP, SUBNET, type Subnet } from '../../../shared/kube/schemas/kubeovn.js';
import { POD, type Pod } from '../../../shared/kube/schemas/workloads.js';
import { isDefaultSubnet, subnetCidrs, subnetExcludedRanges } from '../../../shared/kubeovn/subnet.js';
import { familyName, tryParseAddress } from '../../../shared/net/address.js';
import { cidrRange, formatCidr } from '../../../shared/net/cidr.js';
import type { IPRange } from '../../../shared/net/range.js';
import { rangeContainsAddress, rangeContainsRange } from '../../../shared/net/ranges.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { BY_SUBNET_INDEX } from './indexes.js';

const RULE = 'kubeovn/subnet-lifecycle';

/** Addresses handed out from `subnet`: IP objects and pods annotated by Kube-OVN. */
function allocations(view: ModelView, subnet: string): (IP | Pod)[] {
  return [...view.byIndex(IP, BY_SUBNET_INDEX, subnet), ...view.byIndex(POD, BY_SUBNET_INDEX, subnet)];
}

function describeAllocations(found: readonly (IP | Pod)[]): string {
  const first = found[0];
  const more = found.length > 1 ? ` and ${found.length - 1} more` : '';
  return first ? `${describeObject(first)}${more}` : '';
}

function checkGrowth(subnet: Subnet, old: Subnet): Finding[] {
  const out: Finding[] = [];
  const next = subnetCidrs(subnet);
  for (const before of subnetCidrs(old)) {
    const after = next.find((c) => c.family === before.family);
    if (!after) {
      out.push(
        deny(
          RULE,
          'spec.cidrBlock',
          `the ${familyName(before.family)} CIDR ${formatCidr(before)} cannot be removed`,
          'CidrShrunk',
        ),
      );
    } else if (!rangeContainsRange(cidrRange(after), cidrRange(before))) {
      out.push(
        deny(
          RULE,
          'spec.cidrBlock',
          `${formatCidr(after)} does not contain the current ${formatCidr(before)}: a subnet may only be expanded`,
          'CidrShrunk',
        ),
      );
    }
  }
  return out;
}

function excludedBy(excluded: readonly IPRange[], gateway: string): boolean {
  const address = tryParseAddress(gateway);
  return address !== undefined && excluded.some((range) => rangeContainsAddress(range, address));
}

function checkGatewayChanges(ctx: AdmissionContext<Subnet>, old: Subnet): Finding[] {
  const out: Finding[] = [];
  const oldGateway = old.spec?.gateway ?? '';
  const newGateway = ctx.object.spec?.gateway ?? '';
  const oldExcluded = subnetExcludedRanges(old);
  const newExcluded = subnetExcludedRanges(ctx.object);
  for (const gateway of oldGateway.split(',').filter(Boolean)) {
    if (excludedBy(oldExcluded, gateway) && !excludedBy(newExcluded, gateway)) {
      out.push(
        deny(
          RULE,
          'spec.excludeIps',
          `the gateway ${gateway} cannot be removed from excludeIps`,
          'GatewayUnreserved',
        ),
      );
    }
  }
  if (oldGateway && newGateway && oldGateway !== newGateway) {
    const found = allocations(ctx.view, ctx.object.metadata.name ?? '');
    if (found.length > 0) {
      out.push(
        deny(
          RULE,
          'spec.gateway',
          `the gateway cannot change from ${oldGateway} to ${newGateway} while ${found.length} address(es) are allocated`,
          'SubnetInUse',
          describeAllocations(found),
        ),
      );
    }
  }
  return out;
}

/** The only VPC move Kube-OVN allows is naming the default VPC explicitly. */
function checkVpcChange(subnet: Subnet, old: Subnet): Finding[] {
  const before = old.spec?.vpc ?? '';
  const after = subnet.spec?.vpc ?? '';
  if (before === after || (before === '' && after === DEFAULT_VPC)) return [];
  return [
    deny(
      RULE,
      'spec.vpc',
      `vpc cannot change from ${JSON.stringify(before)} to ${JSON.stringify(after)}`,
      'VpcImmutable',
    ),
  ];
}

function checkDelete(ctx: AdmissionContext<Subnet>): Finding[] {
  const subnet = ctx.object;
  const name = subnet.metadata.name ?? '';
  if (isDefaultSubnet(subnet) || name === JOIN_SUBNET) {
    return [
      deny(
        RULE,
        'metadata.name',
        `Subnet ${name} is a built-in subnet and cannot be deleted`,
        'BuiltInSubnet',
      ),
    ];
  }
  const found = allocations(ctx.view, name);
  if (found.length === 0) return [];
  return [
    deny(
      RULE,
      'metadata.name',
      `Subnet ${name} still has ${found.length} allocated address(es); release them first`,
      'SubnetInUse',
      describeAllocations(found),
    ),
  ];
}

/** Expand-only cidrBlock, gateway reservations and changes, and deletion of used or built-in subnets. */
function check(ctx: AdmissionContext<Subnet>): Finding[] {
  if (ctx.operation === 'DELETE') return checkDelete(ctx);
  const old = ctx.oldObject;
  if (ctx.operation !== 'UPDATE' || !old) return [];
  return [
    ...checkGrowth(ctx.object, old),
    ...checkGatewayChanges(ctx, old),
    ...checkVpcChange(ctx.object, old),
  ];
}

export const subnetLifecycleRule: ValidationRule<Subnet> = {
  id: RULE,
  kinds: [SUBNET],
  operations: ['UPDATE', 'DELETE'],
  reasons: ['CidrShrunk', 'GatewayUnreserved', 'SubnetInUse', 'VpcImmutable', 'BuiltInSubnet'],
  guide: '子网管理',
  check,
};
