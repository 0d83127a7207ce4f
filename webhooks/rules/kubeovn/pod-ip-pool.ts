import { IPPOOL, type Subnet } from '../../../shared/kube/schemas/kubeovn.js';
import { POD, type Pod } from '../../../shared/kube/schemas/workloads.js';
import {
  ipPoolAnnotations,
  type NicAnnotation,
  parseIpPool,
} from '../../../shared/kubeovn/pod-annotations.js';
import { subnetAddressProblem } from '../../../shared/kubeovn/subnet-address.js';
import { type Address, parseAddress } from '../../../shared/net/address.js';
import { NetParseError } from '../../../shared/net/errors.js';
import { parseList } from '../../../shared/net/syntax.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { subnetFor } from './lib/pod-subnet.js';

const RULE = 'kubeovn/pod-ip-pool';

const annotationField = (key: string) => `metadata.annotations[${JSON.stringify(key)}]`;

/** An IPPool named: it must exist (else a warning: it may come later), and serve the pod's Subnet. */
function checkPool(
  ctx: AdmissionContext<Pod>,
  field: string,
  name: string,
  subnet: Subnet | undefined,
): Finding[] {
  const pool = ctx.view.get(IPPOOL, '', name);
  const other = `IPPool ${name}`;
  if (!pool) {
    return [
      warn(
        RULE,
        field,
        `${other} does not exist (yet); Kube-OVN gives the pod no address until it does`,
        'IPPoolNotFound',
        other,
      ),
    ];
  }
  const own = subnet?.metadata.name;
  if (own && pool.spec?.subnet && pool.spec.subnet !== own) {
    const message = `${other} belongs to Subnet ${pool.spec.subnet}, not to the pod's Subnet ${own}; Kube-OVN would give the pod an address of another network`;
    return [warn(RULE, field, message, 'IPPoolOfOtherSubnet', other)];
  }
  return [];
}

/** A list of fixed addresses to choose from: each must be one Kube-OVN hands out in the pod's Subnet. */
function checkAddresses(field: string, entries: readonly string[], subnet: Subnet | undefined): Finding[] {
  const out: Finding[] = [];
  for (const entry of entries) {
    let addresses: Address[];
    try {
      addresses = parseList(entry, parseAddress);
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      out.push(deny(RULE, field, `${JSON.stringify(error.token)}: ${error.reason}`, 'InvalidIP'));
      continue;
    }
    if (!subnet) continue;
    for (const address of addresses) {
      const problem = subnetAddressProblem(subnet, address);
      if (problem)
        out.push(deny(RULE, field, problem.message, problem.reason, `Subnet ${subnet.metadata.name}`));
    }
  }
  return out;
}

function checkIpPool(ctx: AdmissionContext<Pod>, { key, provider, value }: NicAnnotation): Finding[] {
  const field = annotationField(key);
  const subnet = subnetFor(ctx.object, provider, ctx.view);
  const request = parseIpPool(value);
  return request.kind === 'pool'
    ? checkPool(ctx, field, request.name, subnet)
    : checkAddresses(field, request.entries, subnet);
}

/** Changed ip_pool annotations (all of them on CREATE). */
function changed(ctx: AdmissionContext<Pod>): NicAnnotation[] {
  const before = ctx.operation === 'UPDATE' ? (ctx.oldObject?.metadata.annotations ?? {}) : {};
  return ipPoolAnnotations(ctx.object).filter(({ key, value }) => value && before[key] !== value);
}

/**
 * The ip_pool annotation as Kube-OVN's allocator reads it: an IPPool that must exist and belong to the
 * pod's Subnet, or fixed addresses that must be ones the Subnet hands out.
 */
export const podIpPoolRule: ValidationRule<Pod> = {
  id: RULE,
  kinds: [POD],
  reasons: ['IPPoolNotFound', 'IPPoolOfOtherSubnet', 'InvalidIP', 'OutsideSubnet', 'UnusableAddress'],
  guide: '配置 IPPool',
  check: (ctx) => changed(ctx).flatMap((annotation) => checkIpPool(ctx, annotation)),
};
