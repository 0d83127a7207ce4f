import { type Address, familyName, parseAddress } from '../../../shared/net/address.js';
import { NetParseError } from '../../../shared/net/errors.js';
import { formatRange, singleAddressRange } from '../../../shared/net/ranges.js';
import { parseList } from '../../../shared/net/syntax.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { deny } from './findings.js';
import { SUBNET_CIDR_INDEX } from './indexes.js';
import { SUBNET, VPC } from './kinds.js';
import { boolField, nameOf, objectField, specOf, stringField } from './read.js';
import { subnetVpc } from './subnet-model.js';

const RULE = 'ipam/vpc-bfd-port';
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
