import { DEFAULT_VPC } from '../../../shared/kube/keys/kubeovn.js';
import { SUBNET, VPC } from '../../../shared/kube/schemas/kubeovn.js';
import {
  boolField,
  nameOf,
  objectField,
  objectList,
  specOf,
  stringField,
  stringList,
} from '../../../shared/kube/spec-fields.js';
import { subnetCidrs } from '../../../shared/kubeovn/subnet.js';
import { type Address, familyName, formatAddress, parseAddress } from '../../../shared/net/address.js';
import { type Cidr, cidrRange, parseCidr } from '../../../shared/net/cidr.js';
import { NetParseError } from '../../../shared/net/errors.js';
import { rangeContainsAddress, singleAddressRange } from '../../../shared/net/ranges.js';
import { parseList } from '../../../shared/net/syntax.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'kubeovn/subnet-consistency';

function addresses(text: string): Address[] | string {
  try {
    return parseList(text, parseAddress);
  } catch (error) {
    if (error instanceof NetParseError) return `${JSON.stringify(error.token)}: ${error.reason}`;
    throw error;
  }
}

function inside(address: Address, cidrs: readonly Cidr[]): boolean {
  return cidrs.some((cidr) => rangeContainsAddress(cidrRange(cidr), address));
}

const show = (a: Address) => formatAddress(a.family, a.value);

function checkVips(spec: Record<string, unknown>, cidrs: readonly Cidr[]): Finding[] {
  const out: Finding[] = [];
  stringList(spec, 'vips').forEach((vip, i) => {
    const parsed = addresses(vip);
    if (typeof parsed === 'string') out.push(deny(RULE, `spec.vips[${i}]`, parsed, 'InvalidIP'));
    else {
      for (const a of parsed.filter((a) => !inside(a, cidrs))) {
        out.push(deny(RULE, `spec.vips[${i}]`, `${show(a)} is not inside cidrBlock`, 'OutsideSubnet'));
      }
    }
  });
  return out;
}

function checkAllowSubnets(spec: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  stringList(spec, 'allowSubnets').forEach((cidr, i) => {
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

function checkU2o(spec: Record<string, unknown>, cidrs: readonly Cidr[]): Finding[] {
  const out: Finding[] = [];
  const u2o = boolField(spec, 'u2oInterconnection') === true;
  if (u2o && boolField(spec, 'logicalGateway')) {
    out.push(
      deny(RULE, 'spec.logicalGateway', 'logicalGateway and u2oInterconnection cannot both be enabled'),
    );
  }
  if (
    objectField(spec, 'u2oFeatures')?.['overlayOnlyRouting'] === true &&
    !(u2o && stringField(spec, 'vlan'))
  ) {
    out.push(
      deny(
        RULE,
        'spec.u2oFeatures.overlayOnlyRouting',
        'needs u2oInterconnection: true on an underlay subnet (spec.vlan)',
      ),
    );
  }
  const ip = stringField(spec, 'u2oInterconnectionIP');
  if (!ip) return out;
  const parsed = addresses(ip);
  if (typeof parsed === 'string')
    return [...out, deny(RULE, 'spec.u2oInterconnectionIP', parsed, 'InvalidIP')];
  const gateway = addresses(stringField(spec, 'gateway') ?? '');
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

function checkExternalEgressGateway(spec: Record<string, unknown>, cidrs: readonly Cidr[]): Finding[] {
  const egw = stringField(spec, 'externalEgressGateway');
  if (!egw) return [];
  const field = 'spec.externalEgressGateway';
  const out: Finding[] = [];
  if (boolField(spec, 'natOutgoing'))
    out.push(deny(RULE, field, 'externalEgressGateway and natOutgoing exclude each other'));
  const parsed = addresses(egw);
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
function checkVpcNamespaces(ctx: AdmissionContext): Finding[] {
  const spec = specOf(ctx.object);
  const vpcName = stringField(spec, 'vpc');
  if (!vpcName || vpcName === DEFAULT_VPC) return [];
  const vpc = ctx.view.get(VPC, '', vpcName);
  const allowed = stringList(specOf(vpc), 'namespaces');
  if (!vpc || allowed.length === 0) return [];
  const out: Finding[] = [];
  stringList(spec, 'namespaces').forEach((namespace, i) => {
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

/** srcIPs/dstIPs: IPs or CIDRs of one family, and the same family on both sides. */
function checkNatPolicyRules(spec: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  objectList(spec, 'natOutgoingPolicyRules').forEach((rule, i) => {
    const match = objectField(rule, 'match') ?? {};
    const families: Record<string, number | undefined> = {};
    for (const key of ['srcIPs', 'dstIPs']) {
      const text = stringField(match, key);
      if (text === undefined) continue;
      const field = `spec.natOutgoingPolicyRules[${i}].match.${key}`;
      try {
        const ranges = parseList(text.trim(), (t) =>
          t.includes('/') ? cidrRange(parseCidr(t)) : singleAddressRange(parseAddress(t)),
        );
        const kinds = new Set(ranges.map((r) => r.family));
        if (kinds.size > 1) out.push(deny(RULE, field, `${text} mixes IPv4 and IPv6`));
        else families[key] = ranges[0]?.family;
      } catch (error) {
        if (!(error instanceof NetParseError)) throw error;
        out.push(deny(RULE, field, `${JSON.stringify(error.token)}: ${error.reason}`, 'InvalidCidr'));
      }
    }
    if (families['srcIPs'] && families['dstIPs'] && families['srcIPs'] !== families['dstIPs']) {
      out.push(
        deny(RULE, `spec.natOutgoingPolicyRules[${i}].match`, 'srcIPs and dstIPs are of different families'),
      );
    }
  });
  return out;
}

function checkName(ctx: AdmissionContext): Finding[] {
  const name = nameOf(ctx.object);
  const vpc = stringField(specOf(ctx.object), 'vpc');
  if (vpc && vpc === name)
    return [deny(RULE, 'spec.vpc', `a Subnet cannot share its name with its VPC ${vpc}`)];
  if (ctx.operation === 'CREATE' && ctx.view.get(VPC, '', name)) {
    return [deny(RULE, 'metadata.name', `a Vpc is already named ${name}`, 'NameTaken', `Vpc ${name}`)];
  }
  return [];
}

/** Kube-OVN's own consistency checks of the fields that reference addresses of the subnet. */
function check(ctx: AdmissionContext): Finding[] {
  const spec = specOf(ctx.object);
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

export const subnetConsistencyRule: ValidationRule = { id: RULE, kinds: [SUBNET], check };
