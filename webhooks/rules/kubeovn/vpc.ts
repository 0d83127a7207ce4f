import { SUBNET, VPC } from '../../../shared/kube/schemas/kubeovn.js';
import {
  boolField,
  nameOf,
  objectField,
  objectList,
  specOf,
  stringField,
} from '../../../shared/kube/spec-fields.js';
import { subnetVpc } from '../../../shared/kubeovn/subnet.js';
import { type Address, familyName, parseAddress } from '../../../shared/net/address.js';
import { parseCidr } from '../../../shared/net/cidr.js';
import { NetParseError } from '../../../shared/net/errors.js';
import { formatRange, singleAddressRange } from '../../../shared/net/ranges.js';
import { parseList } from '../../../shared/net/syntax.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { SUBNET_CIDR_INDEX, SUBNET_VPC_INDEX } from './indexes.js';

const RULE = 'kubeovn/vpc-bfd-port';
const FIELD = 'spec.bfdPort.ip';

/** An enabled BFD port needs an IPv4 and/or IPv6 address outside every Subnet of the VPC. */
function check(ctx: AdmissionContext): Finding[] {
  const bfdPort = objectField(specOf(ctx.object), 'bfdPort');
  if (!bfdPort || boolField(bfdPort, 'enabled') !== true) return [];
  const ip = stringField(bfdPort, 'ip') ?? '';
  if (!ip) return [deny(RULE, FIELD, 'an enabled BFD port needs an IP address (IPv4, IPv6 or both)')];
  let addresses: Address[];
  try {
    addresses = parseList(ip, parseAddress);
  } catch (error) {
    if (!(error instanceof NetParseError)) throw error;
    return [deny(RULE, FIELD, `${JSON.stringify(error.token)}: ${error.reason}`)];
  }
  const out: Finding[] = [];
  const families = addresses.map((a) => a.family);
  if (addresses.length > 2 || new Set(families).size !== families.length) {
    out.push(
      deny(RULE, FIELD, `${ip}: at most one address per family (${families.map(familyName).join(', ')})`),
    );
  }
  const vpc = nameOf(ctx.object);
  for (const address of addresses) {
    const range = singleAddressRange(address);
    for (const hit of ctx.view.overlapping(SUBNET, SUBNET_CIDR_INDEX, range)) {
      if (subnetVpc(hit.object) !== vpc) continue;
      out.push(
        deny(
          RULE,
          FIELD,
          `${formatRange(range)} falls in ${formatRange(hit.range)} of Subnet ${nameOf(hit.object)} of this VPC`,
          'BfdIpInSubnet',
          `Subnet ${nameOf(hit.object)}`,
        ),
      );
    }
  }
  return out;
}

export const vpcBfdPortRule: ValidationRule = { id: RULE, kinds: [VPC], check };

const ROUTES_RULE = 'kubeovn/vpc-routes';
const routePolicies = ['policyDst', 'policySrc'];
const policyActions = ['allow', 'drop', 'reroute'];

function netProblem(parse: () => unknown): string | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    if (error instanceof NetParseError) return `${JSON.stringify(error.token)}: ${error.reason}`;
    throw error;
  }
}

/** Static routes, policy routes and peerings: the values OVN's logical router accepts. */
function checkRoutes(ctx: AdmissionContext): Finding[] {
  const spec = specOf(ctx.object);
  const out: Finding[] = [];
  objectList(spec, 'staticRoutes').forEach((route, i) => {
    const at = `spec.staticRoutes[${i}]`;
    const policy = stringField(route, 'policy');
    if (policy && !routePolicies.includes(policy)) {
      out.push(
        deny(
          ROUTES_RULE,
          `${at}.policy`,
          `policy ${JSON.stringify(policy)} is not one of ${routePolicies.join(', ')}`,
        ),
      );
    }
    const cidr = stringField(route, 'cidr') ?? '';
    const cidrProblem = netProblem(() => (cidr.includes('/') ? parseCidr(cidr) : parseAddress(cidr)));
    if (cidrProblem) out.push(deny(ROUTES_RULE, `${at}.cidr`, cidrProblem, 'InvalidCidr'));
    const hop = netProblem(() => parseAddress(stringField(route, 'nextHopIP') ?? ''));
    if (hop) out.push(deny(ROUTES_RULE, `${at}.nextHopIP`, hop, 'InvalidIP'));
  });
  objectList(spec, 'policyRoutes').forEach((route, i) => {
    const at = `spec.policyRoutes[${i}]`;
    const action = stringField(route, 'action') ?? '';
    if (!policyActions.includes(action)) {
      out.push(
        deny(
          ROUTES_RULE,
          `${at}.action`,
          `action ${JSON.stringify(action)} is not one of ${policyActions.join(', ')}`,
        ),
      );
    } else if (action === 'reroute') {
      const hop = netProblem(() => parseList(stringField(route, 'nextHopIP') ?? '', parseAddress));
      if (hop) out.push(deny(ROUTES_RULE, `${at}.nextHopIP`, hop, 'InvalidIP'));
    }
  });
  objectList(spec, 'vpcPeerings').forEach((peering, i) => {
    const problem = netProblem(() => parseList(stringField(peering, 'localConnectIP') ?? '', parseCidr));
    if (problem) out.push(deny(ROUTES_RULE, `spec.vpcPeerings[${i}].localConnectIP`, problem, 'InvalidCidr'));
  });
  return out;
}

export const vpcRoutesRule: ValidationRule = { id: ROUTES_RULE, kinds: [VPC], check: checkRoutes };

const LIFECYCLE_RULE = 'kubeovn/vpc-lifecycle';

/** A Vpc may not share a Subnet's name, and may not be deleted while subnets are in it. */
function checkLifecycle(ctx: AdmissionContext): Finding[] {
  const name = nameOf(ctx.object);
  if (ctx.operation === 'DELETE') {
    const subnets = ctx.view.byIndex(SUBNET, SUBNET_VPC_INDEX, name);
    const first = subnets[0];
    if (!first) return [];
    return [
      deny(
        LIFECYCLE_RULE,
        'metadata.name',
        `Vpc ${name} still holds ${subnets.length} subnet(s); delete them first`,
        'VpcInUse',
        `Subnet ${nameOf(first)}`,
      ),
    ];
  }
  if (ctx.operation === 'CREATE' && ctx.view.get(SUBNET, '', name)) {
    return [
      deny(
        LIFECYCLE_RULE,
        'metadata.name',
        `a Subnet is already named ${name}`,
        'NameTaken',
        `Subnet ${name}`,
      ),
    ];
  }
  return [];
}

export const vpcLifecycleRule: ValidationRule = {
  id: LIFECYCLE_RULE,
  kinds: [VPC],
  operations: ['CREATE', 'DELETE'],
  check: checkLifecycle,
};
