import { SUBNET, VPC, type Vpc } from '../../../shared/kube/schemas/kubeovn.js';
import { subnetVpc } from '../../../shared/kubeovn/subnet.js';
import { type Address, familyName, parseAddress } from '../../../shared/net/address.js';
import { NetParseError } from '../../../shared/net/errors.js';
import { formatRange, singleAddressRange } from '../../../shared/net/ranges.js';
import { parseList } from '../../../shared/net/syntax.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { SUBNET_CIDR_INDEX } from './indexes.js';

const RULE = 'kubeovn/vpc-bfd-port';
const FIELD = 'spec.bfdPort.ip';

/** An enabled BFD port needs an IPv4 and/or IPv6 address outside every Subnet of the VPC. */
function check(ctx: AdmissionContext<Vpc>): Finding[] {
  const bfdPort = ctx.object.spec?.bfdPort;
  if (bfdPort?.enabled !== true) return [];
  const ip = bfdPort.ip ?? '';
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
  const vpc = ctx.object.metadata.name ?? '';
  for (const address of addresses) {
    const range = singleAddressRange(address);
    for (const hit of ctx.view.overlapping(SUBNET, SUBNET_CIDR_INDEX, range)) {
      if (subnetVpc(hit.object) !== vpc) continue;
      const subnet = hit.object.metadata.name ?? '';
      out.push(
        deny(
          RULE,
          FIELD,
          `${formatRange(range)} falls in ${formatRange(hit.range)} of Subnet ${subnet} of this VPC`,
          'BfdIpInSubnet',
          `Subnet ${subnet}`,
        ),
      );
    }
  }
  return out;
}

export const vpcBfdPortRule: ValidationRule<Vpc> = {
  id: RULE,
  kinds: [VPC],
  reasons: ['BfdIpInSubnet'],
  guide: 'VPC BFD Port',
  check,
};
