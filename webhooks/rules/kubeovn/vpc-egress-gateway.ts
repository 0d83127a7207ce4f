import {
  SUBNET,
  type Subnet,
  VPC_EGRESS_GATEWAY,
  type VpcEgressGateway,
} from '../../../shared/kube/schemas/kubeovn.js';
import { subnetAddressProblem } from '../../../shared/kubeovn/subnet-address.js';
import { type Address, parseAddress } from '../../../shared/net/address.js';
import { parseCidr } from '../../../shared/net/cidr.js';
import { parseList } from '../../../shared/net/syntax.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { netProblem } from './lib/net-problems.js';

const RULE = 'kubeovn/vpc-egress-gateway';

type GatewaySpec = VpcEgressGateway['spec'];

/** The addresses and pool of one side of the gateway (pods' VPC or the external network). */
function sideOf(spec: GatewaySpec, side: 'internal' | 'external'): { ips: string[]; pool?: string } {
  return side === 'internal'
    ? { ips: spec.internalIPs ?? [], pool: spec.internalIPPool }
    : { ips: spec.externalIPs ?? [], pool: spec.externalIPPool };
}

/**
 * Addresses of one side must be ones Kube-OVN hands out in that side's Subnet (when it exists): the
 * gateway's pods get them from it as fixed addresses.
 */
function subnetFindings(field: string, addresses: readonly Address[], subnet: Subnet | undefined): Finding[] {
  if (!subnet) return [];
  return addresses.flatMap((address) => {
    const problem = subnetAddressProblem(subnet, address);
    return problem
      ? [deny(RULE, field, problem.message, problem.reason, `Subnet ${subnet.metadata.name}`)]
      : [];
  });
}

function checkAddresses(
  ctx: AdmissionContext<VpcEgressGateway>,
  side: 'internal' | 'external',
  replicas: number,
): Finding[] {
  const spec = ctx.object.spec;
  const field = `spec.${side}IPs`;
  const { ips, pool } = sideOf(spec, side);
  const subnetName = side === 'internal' ? spec.internalSubnet : spec.externalSubnet;
  const subnet = subnetName ? ctx.view.get(SUBNET, '', subnetName) : undefined;
  const out: Finding[] = [];
  ips.forEach((entry, i) => {
    const problem = netProblem(() => parseList(entry, parseAddress));
    if (problem) out.push(deny(RULE, `${field}[${i}]`, problem, 'InvalidIP'));
    else out.push(...subnetFindings(`${field}[${i}]`, parseList(entry, parseAddress), subnet));
  });
  if (ips.length > 0 && pool) {
    out.push(deny(RULE, field, `${side}IPs and ${side}IPPool are mutually exclusive`));
  }
  if (ips.length > 0 && ips.length < replicas) {
    out.push(
      deny(RULE, field, `${ips.length} address(es) for ${replicas} replicas; give at least one per replica`),
    );
  } else if (ips.length > 0 && ips.length < replicas + 1) {
    out.push(
      warn(
        RULE,
        field,
        `${ips.length} address(es) for ${replicas} replicas leave none spare for rolling updates`,
      ),
    );
  }
  return out;
}

function checkBfd(spec: GatewaySpec): Finding[] {
  const bfd = spec.bfd ?? {};
  const out: Finding[] = [];
  for (const key of ['minRX', 'minTX'] as const) {
    const value = bfd[key];
    if (value !== undefined && (value < 1 || value > 3600000)) {
      out.push(deny(RULE, `spec.bfd.${key}`, `${key} ${value} is outside 1-3600000 ms`));
    }
  }
  const multiplier = bfd.multiplier;
  if (multiplier !== undefined && (multiplier < 1 || multiplier > 3600000)) {
    out.push(deny(RULE, 'spec.bfd.multiplier', `multiplier ${multiplier} is outside 1-3600000`));
  }
  if (spec.trafficPolicy === 'Local' && bfd.enabled !== true) {
    out.push(deny(RULE, 'spec.trafficPolicy', 'trafficPolicy Local needs BFD (spec.bfd.enabled: true)'));
  }
  return out;
}

function checkPolicies(ctx: AdmissionContext<VpcEgressGateway>, spec: GatewaySpec): Finding[] {
  const policies = spec.policies ?? [];
  const out: Finding[] = [];
  if (policies.length === 0 && (spec.selectors ?? []).length === 0) {
    out.push(deny(RULE, 'spec.policies', 'a VPC egress gateway needs at least one policy or selector'));
  }
  policies.forEach((policy, i) => {
    const ipBlocks = policy.ipBlocks ?? [];
    const subnets = policy.subnets ?? [];
    if (ipBlocks.length === 0 && subnets.length === 0) {
      out.push(deny(RULE, `spec.policies[${i}]`, 'each policy needs ipBlocks or subnets'));
    }
    ipBlocks.forEach((block, j) => {
      const problem = netProblem(() => (block.includes('/') ? parseCidr(block) : parseAddress(block)));
      if (problem) out.push(deny(RULE, `spec.policies[${i}].ipBlocks[${j}]`, problem, 'InvalidCidr'));
    });
    subnets.forEach((name, j) => {
      if (!ctx.view.get(SUBNET, '', name)) {
        out.push(
          warn(
            RULE,
            `spec.policies[${i}].subnets[${j}]`,
            `Subnet ${name} does not exist (yet)`,
            'SubnetNotFound',
            `Subnet ${name}`,
          ),
        );
      }
    });
  });
  return out;
}

function check(ctx: AdmissionContext<VpcEgressGateway>): Finding[] {
  const spec = ctx.object.spec;
  const out: Finding[] = [];
  const external = spec.externalSubnet;
  if (!external) out.push(deny(RULE, 'spec.externalSubnet', 'externalSubnet is required'));
  else if (!ctx.view.get(SUBNET, '', external)) {
    out.push(
      warn(
        RULE,
        'spec.externalSubnet',
        `Subnet ${external} does not exist (yet)`,
        'SubnetNotFound',
        `Subnet ${external}`,
      ),
    );
  }
  const replicas = spec.replicas ?? 1;
  out.push(...checkAddresses(ctx, 'internal', replicas), ...checkAddresses(ctx, 'external', replicas));
  out.push(...checkBfd(spec), ...checkPolicies(ctx, spec));
  if (ctx.operation === 'UPDATE' && ctx.oldObject) {
    const before = ctx.oldObject.spec.prefix ?? '';
    const after = spec.prefix ?? '';
    if (before !== after)
      out.push(deny(RULE, 'spec.prefix', `prefix is immutable (was ${JSON.stringify(before)})`));
  }
  return out;
}

export const vpcEgressGatewayRule: ValidationRule<VpcEgressGateway> = {
  id: RULE,
  kinds: [VPC_EGRESS_GATEWAY],
  reasons: ['InvalidIP', 'InvalidCidr', 'SubnetNotFound', 'OutsideSubnet', 'UnusableAddress'],
  guide: '配置 Egress Gateway',
  check,
};
