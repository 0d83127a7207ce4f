import { SUBNET, VPC_EGRESS_GATEWAY } from '../../../shared/kube/schemas/kubeovn.js';
import {
  boolField,
  numberField,
  objectField,
  objectList,
  specOf,
  stringField,
  stringList,
} from '../../../shared/kube/spec-fields.js';
import { parseAddress } from '../../../shared/net/address.js';
import { parseCidr } from '../../../shared/net/cidr.js';
import { NetParseError } from '../../../shared/net/errors.js';
import { parseList } from '../../../shared/net/syntax.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'kubeovn/vpc-egress-gateway';

function netError<T>(parse: () => T): string | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    if (error instanceof NetParseError) return `${JSON.stringify(error.token)}: ${error.reason}`;
    throw error;
  }
}

function checkAddresses(
  spec: Record<string, unknown>,
  side: 'internal' | 'external',
  replicas: number,
): Finding[] {
  const field = `spec.${side}IPs`;
  const ips = stringList(spec, `${side}IPs`);
  const out: Finding[] = [];
  ips.forEach((entry, i) => {
    const problem = netError(() => parseList(entry, parseAddress));
    if (problem) out.push(deny(RULE, `${field}[${i}]`, problem, 'InvalidIP'));
  });
  if (ips.length > 0 && stringField(spec, `${side}IPPool`)) {
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

function checkBfd(spec: Record<string, unknown>): Finding[] {
  const bfd = objectField(spec, 'bfd') ?? {};
  const out: Finding[] = [];
  for (const key of ['minRX', 'minTX'] as const) {
    const value = numberField(bfd, key);
    if (value !== undefined && (value < 1 || value > 3600000)) {
      out.push(deny(RULE, `spec.bfd.${key}`, `${key} ${value} is outside 1-3600000 ms`));
    }
  }
  const multiplier = numberField(bfd, 'multiplier');
  if (multiplier !== undefined && (multiplier < 1 || multiplier > 3600000)) {
    out.push(deny(RULE, 'spec.bfd.multiplier', `multiplier ${multiplier} is outside 1-3600000`));
  }
  if (stringField(spec, 'trafficPolicy') === 'Local' && boolField(bfd, 'enabled') !== true) {
    out.push(deny(RULE, 'spec.trafficPolicy', 'trafficPolicy Local needs BFD (spec.bfd.enabled: true)'));
  }
  return out;
}

function checkPolicies(ctx: AdmissionContext, spec: Record<string, unknown>): Finding[] {
  const policies = objectList(spec, 'policies');
  const out: Finding[] = [];
  if (policies.length === 0 && objectList(spec, 'selectors').length === 0) {
    out.push(deny(RULE, 'spec.policies', 'a VPC egress gateway needs at least one policy or selector'));
  }
  policies.forEach((policy, i) => {
    const ipBlocks = stringList(policy, 'ipBlocks');
    const subnets = stringList(policy, 'subnets');
    if (ipBlocks.length === 0 && subnets.length === 0) {
      out.push(deny(RULE, `spec.policies[${i}]`, 'each policy needs ipBlocks or subnets'));
    }
    ipBlocks.forEach((block, j) => {
      const problem = netError(() => (block.includes('/') ? parseCidr(block) : parseAddress(block)));
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

function check(ctx: AdmissionContext): Finding[] {
  const spec = specOf(ctx.object);
  const out: Finding[] = [];
  const external = stringField(spec, 'externalSubnet');
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
  const replicas = numberField(spec, 'replicas') ?? 1;
  out.push(...checkAddresses(spec, 'internal', replicas), ...checkAddresses(spec, 'external', replicas));
  out.push(...checkBfd(spec), ...checkPolicies(ctx, spec));
  if (ctx.operation === 'UPDATE' && ctx.oldObject) {
    const before = stringField(specOf(ctx.oldObject), 'prefix') ?? '';
    const after = stringField(spec, 'prefix') ?? '';
    if (before !== after)
      out.push(deny(RULE, 'spec.prefix', `prefix is immutable (was ${JSON.stringify(before)})`));
  }
  return out;
}

export const vpcEgressGatewayRule: ValidationRule = { id: RULE, kinds: [VPC_EGRESS_GATEWAY], check };
