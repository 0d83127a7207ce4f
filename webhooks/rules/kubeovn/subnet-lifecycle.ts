import { DEFAULT_VPC, JOIN_SUBNET } from '../../../shared/kube/keys/kubeovn.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import { describeObject, type KubeObject } from '../../../shared/kube/object.js';
import { IP, SUBNET } from '../../../shared/kube/schemas/kubeovn.js';
import { POD } from '../../../shared/kube/schemas/workloads.js';
import { nameOf, specOf, stringField, stringList } from '../../../shared/kube/spec-fields.js';
import { isDefaultSubnet, subnetCidrs } from '../../../shared/kubeovn/subnet.js';
import { familyName, tryParseAddress } from '../../../shared/net/address.js';
import { cidrRange, formatCidr } from '../../../shared/net/cidr.js';
import { NetParseError } from '../../../shared/net/errors.js';
import { rangeContainsAddress, rangeContainsRange } from '../../../shared/net/ranges.js';
import { parseIpOrKubeOvnRange } from '../../../shared/net/syntax.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { BY_SUBNET_INDEX } from './indexes.js';

const RULE = 'kubeovn/subnet-lifecycle';

/** Addresses handed out from `subnet`: IP objects and pods annotated by Kube-OVN. */
function allocations(view: ModelView, subnet: string): KubeObject[] {
  return [...view.byIndex(IP, BY_SUBNET_INDEX, subnet), ...view.byIndex(POD, BY_SUBNET_INDEX, subnet)];
}

function describeAllocations(found: readonly KubeObject[]): string {
  const first = found[0];
  const more = found.length > 1 ? ` and ${found.length - 1} more` : '';
  return first ? `${describeObject(first)}${more}` : '';
}

function checkGrowth(obj: KubeObject, old: KubeObject): Finding[] {
  const out: Finding[] = [];
  const next = subnetCidrs(obj);
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

function excludedBy(entries: readonly string[], gateway: string): boolean {
  const address = tryParseAddress(gateway);
  if (!address) return false;
  return entries.some((entry) => {
    try {
      return rangeContainsAddress(parseIpOrKubeOvnRange(entry), address);
    } catch (error) {
      if (error instanceof NetParseError) return false;
      throw error;
    }
  });
}

function checkGatewayChanges(ctx: AdmissionContext, old: KubeObject): Finding[] {
  const out: Finding[] = [];
  const spec = specOf(ctx.object);
  const oldSpec = specOf(old);
  const oldGateway = stringField(oldSpec, 'gateway') ?? '';
  const newGateway = stringField(spec, 'gateway') ?? '';
  const oldExcludes = stringList(oldSpec, 'excludeIps');
  const newExcludes = stringList(spec, 'excludeIps');
  for (const gateway of oldGateway.split(',').filter(Boolean)) {
    if (excludedBy(oldExcludes, gateway) && !excludedBy(newExcludes, gateway)) {
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
    const found = allocations(ctx.view, nameOf(ctx.object));
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
function checkVpcChange(obj: KubeObject, old: KubeObject): Finding[] {
  const before = stringField(specOf(old), 'vpc') ?? '';
  const after = stringField(specOf(obj), 'vpc') ?? '';
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

function checkDelete(ctx: AdmissionContext): Finding[] {
  const subnet = ctx.object;
  const name = nameOf(subnet);
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
function check(ctx: AdmissionContext): Finding[] {
  if (ctx.operation === 'DELETE') return checkDelete(ctx);
  const old = ctx.oldObject;
  if (ctx.operation !== 'UPDATE' || !old) return [];
  return [
    ...checkGrowth(ctx.object, old),
    ...checkGatewayChanges(ctx, old),
    ...checkVpcChange(ctx.object, old),
  ];
}

export const subnetLifecycleRule: ValidationRule = {
  id: RULE,
  kinds: [SUBNET],
  operations: ['UPDATE', 'DELETE'],
  check,
};
