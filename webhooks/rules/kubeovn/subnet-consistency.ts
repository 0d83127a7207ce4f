import { DEFAULT_VPC } from '../../../shared/kube/keys/kubeovn.js';
import { SUBNET, type Subnet, type SubnetSpec, VPC } from '../../../shared/kube/schemas/kubeovn.js';
import { subnetCidrs } from '../../../shared/kubeovn/subnet.js';
import {
  type Address,
  type Family,
  familyName,
  formatAddress,
  parseAddress,
} from '../../../shared/net/address.js';
import { type Cidr, cidrRange, parseCidr } from '../../../shared/net/cidr.js';
import { NetParseError } from '../../../shared/net/errors.js';
import { rangeContainsAddress, singleAddressRange } from '../../../shared/net/ranges.js';
import { parseList } from '../../../shared/net/syntax.js';
import { deny } from '../findings.js';
import type { Reason } from '../reasons.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { addressList } from './lib/net-problems.js';

const RULE = 'kubeovn/subnet-consistency';

function inside(address: Address, cidrs: readonly Cidr[]): boolean {
  return cidrs.some((cidr) => rangeContainsAddress(cidrRange(cidr), address));
}

const show = (a: Address) => formatAddress(a.family, a.value);

function checkVips(spec: SubnetSpec, cidrs: readonly Cidr[]): Finding[] {
  const out: Finding[] = [];
  (spec.vips ?? []).forEach((vip, i) => {
    const parsed = addressList(vip);
    if (typeof parsed === 'string') out.push(deny(RULE, `spec.vips[${i}]`, parsed, 'InvalidIP'));
    else {
      for (const a of parsed.filter((a) => !inside(a, cidrs))) {
        out.push(deny(RULE, `spec.vips[${i}]`, `${show(a)} is not inside cidrBlock`, 'OutsideSubnet'));
      }
    }
  });
  return out;
}

function checkAllowSubnets(spec: SubnetSpec): Finding[] {
  const out: Finding[] = [];
  (spec.allowSubnets ?? []).forEach((cidr, i) => {
    try {
      parseCidr(cidr);
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      out.push(
        deny(RULE, `spec.allowSubnets[${i}]`, `${JSON.stringify(cidr)}: ${error.reason}`, 'InvalidCidr'),
      );
    }
  });
  return out;
}

function checkU2o(spec: SubnetSpec, cidrs: readonly Cidr[]): Finding[] {
  const out: Finding[] = [];
  const u2o = spec.u2oInterconnection === true;
  if (u2o && spec.logicalGateway) {
    out.push(
      deny(RULE, 'spec.logicalGateway', 'logicalGateway and u2oInterconnection cannot both be enabled'),
    );
  }
  if (spec.u2oFeatures?.overlayOnlyRouting === true && !(u2o && spec.vlan)) {
    out.push(
      deny(
        RULE,
        'spec.u2oFeatures.overlayOnlyRouting',
        'needs u2oInterconnection: true on an underlay subnet (spec.vlan)',
      ),
    );
  }
  const ip = spec.u2oInterconnectionIP;
  if (!ip) return out;
  const parsed = addressList(ip);
  if (typeof parsed === 'string')
    return [...out, deny(RULE, 'spec.u2oInterconnectionIP', parsed, 'InvalidIP')];
  const gateway = addressList(spec.gateway ?? '');
  const gateways = new Set(typeof gateway === 'string' ? [] : gateway.map(show));
  for (const a of parsed) {
    if (!inside(a, cidrs)) {
      out.push(
        deny(RULE, 'spec.u2oInterconnectionIP', `${show(a)} is not inside cidrBlock`, 'OutsideSubnet'),
      );
    } else if (gateways.has(show(a))) {
      out.push(deny(RULE, 'spec.u2oInterconnectionIP', `${show(a)} is the subnet's gateway`));
    }
  }
  return out;
}

function checkExternalEgressGateway(spec: SubnetSpec, cidrs: readonly Cidr[]): Finding[] {
  const egw = spec.externalEgressGateway;
  if (!egw) return [];
  const field = 'spec.externalEgressGateway';
  const out: Finding[] = [];
  if (spec.natOutgoing)
    out.push(deny(RULE, field, 'externalEgressGateway and natOutgoing exclude each other'));
  const parsed = addressList(egw);
  if (typeof parsed === 'string') return [...out, deny(RULE, field, parsed, 'InvalidIP')];
  const families = new Set(cidrs.map((c) => c.family));
  for (const a of parsed.filter((a) => !families.has(a.family))) {
    out.push(
      deny(
        RULE,
        field,
        `${show(a)} is ${familyName(a.family)} but cidrBlock has no ${familyName(a.family)} CIDR`,
      ),
    );
  }
  if (parsed.length > 2 || new Set(parsed.map((a) => a.family)).size !== parsed.length) {
    out.push(deny(RULE, field, 'at most one address per family'));
  }
  return out;
}

/** A custom VPC that lists namespaces only takes subnets bound to those namespaces. */
function checkVpcNamespaces(ctx: AdmissionContext<Subnet>): Finding[] {
  const spec = ctx.object.spec ?? {};
  const vpcName = spec.vpc;
  if (!vpcName || vpcName === DEFAULT_VPC) return [];
  const vpc = ctx.view.get(VPC, '', vpcName);
  const allowed = vpc?.spec?.namespaces ?? [];
  if (!vpc || allowed.length === 0) return [];
  const out: Finding[] = [];
  (spec.namespaces ?? []).forEach((namespace, i) => {
    if (!allowed.includes(namespace)) {
      out.push(
        deny(
          RULE,
          `spec.namespaces[${i}]`,
          `namespace ${namespace} is not one of Vpc ${vpcName}'s namespaces`,
          'NamespaceOutsideVpc',
          `Vpc ${vpcName}`,
        ),
      );
    }
  });
  return out;
}

/** The family of an IP/CIDR list, or what is wrong with it. */
function listFamily(text: string): { family: Family | undefined } | { problem: string; reason?: Reason } {
  try {
    const ranges = parseList(text.trim(), (t) =>
      t.includes('/') ? cidrRange(parseCidr(t)) : singleAddressRange(parseAddress(t)),
    );
    const kinds = new Set(ranges.map((r) => r.family));
    if (kinds.size > 1) return { problem: `${text} mixes IPv4 and IPv6` };
    return { family: ranges[0]?.family };
  } catch (error) {
    if (!(error instanceof NetParseError)) throw error;
    return { problem: `${JSON.stringify(error.token)}: ${error.reason}`, reason: 'InvalidCidr' };
  }
}

/** srcIPs/dstIPs: IPs or CIDRs of one family, and the same family on both sides. */
function checkNatPolicyRules(spec: SubnetSpec): Finding[] {
  const out: Finding[] = [];
  (spec.natOutgoingPolicyRules ?? []).forEach((rule, i) => {
    const families: Partial<Record<'srcIPs' | 'dstIPs', Family | undefined>> = {};
    for (const key of ['srcIPs', 'dstIPs'] as const) {
      const text = rule.match?.[key];
      if (text === undefined) continue;
      const read = listFamily(text);
      if ('problem' in read) {
        out.push(deny(RULE, `spec.natOutgoingPolicyRules[${i}].match.${key}`, read.problem, read.reason));
      } else families[key] = read.family;
    }
    if (families.srcIPs && families.dstIPs && families.srcIPs !== families.dstIPs) {
      out.push(
        deny(RULE, `spec.natOutgoingPolicyRules[${i}].match`, 'srcIPs and dstIPs are of different families'),
      );
    }
  });
  return out;
}

function checkName(ctx: AdmissionContext<Subnet>): Finding[] {
  const name = ctx.object.metadata.name ?? '';
  const vpc = ctx.object.spec?.vpc;
  if (vpc && vpc === name)
    return [deny(RULE, 'spec.vpc', `a Subnet cannot share its name with its VPC ${vpc}`)];
  if (ctx.operation === 'CREATE' && ctx.view.get(VPC, '', name)) {
    return [deny(RULE, 'metadata.name', `a Vpc is already named ${name}`, 'NameTaken', `Vpc ${name}`)];
  }
  return [];
}

/** Kube-OVN's own consistency checks of the fields that reference addresses of the subnet. */
function check(ctx: AdmissionContext<Subnet>): Finding[] {
  const spec = ctx.object.spec ?? {};
  const cidrs = subnetCidrs(ctx.object);
  return [
    ...checkName(ctx),
    ...checkVpcNamespaces(ctx),
    ...checkAllowSubnets(spec),
    ...checkNatPolicyRules(spec),
    ...(cidrs.length > 0
      ? [...checkVips(spec, cidrs), ...checkU2o(spec, cidrs), ...checkExternalEgressGateway(spec, cidrs)]
      : []),
  ];
}

export const subnetConsistencyRule: ValidationRule<Subnet> = {
  id: RULE,
  kinds: [SUBNET],
  reasons: ['InvalidIP', 'OutsideSubnet', 'InvalidCidr', 'NamespaceOutsideVpc', 'NameTaken'],
  guide: 'Kube-OVN 网络',
  check,
};
