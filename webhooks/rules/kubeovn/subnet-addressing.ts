import { SUBNET, type Subnet, type SubnetSpec } from '../../../shared/kube/schemas/kubeovn.js';
import { isCalicoSubnet, parseCidrBlock } from '../../../shared/kubeovn/subnet.js';
import { type Address, familyName, formatAddress, parseAddress } from '../../../shared/net/address.js';
import { type Cidr, cidrRange, formatCidr } from '../../../shared/net/cidr.js';
import { specialBlockOverlapping } from '../../../shared/net/classify.js';
import { NetParseError } from '../../../shared/net/errors.js';
import { formatRange, rangeContainsRange } from '../../../shared/net/ranges.js';
import { parseIpOrKubeOvnRange } from '../../../shared/net/syntax.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'kubeovn/subnet-addressing';

const protocolFamilies: Record<string, readonly (4 | 6)[]> = { IPv4: [4], IPv6: [6], Dual: [4, 6] };

function protocolHint(expected: readonly (4 | 6)[], actual: readonly (4 | 6)[]): string {
  const written = actual.length === 2 ? 'Dual' : actual[0] === 4 ? 'IPv4' : 'IPv6';
  const missing = expected.filter((f) => !actual.includes(f)).map(familyName);
  return missing.length > 0
    ? `add an ${missing.join(' and ')} CIDR or set protocol ${written}`
    : `set protocol ${written}`;
}

function checkProtocol(protocol: string | undefined, cidrs: readonly Cidr[]): Finding[] {
  if (protocol === undefined || protocol === '') return [];
  const expected = protocolFamilies[protocol];
  if (!expected) {
    return [deny(RULE, 'spec.protocol', `unknown protocol ${JSON.stringify(protocol)} (IPv4, IPv6 or Dual)`)];
  }
  const actual = cidrs.map((c) => c.family).sort();
  if (actual.join() === [...expected].sort().join()) return [];
  const written = cidrs.map(formatCidr).join(',');
  return [
    deny(
      RULE,
      'spec.protocol',
      `protocol ${protocol} does not match cidrBlock ${written} (${actual.map(familyName).join(' + ')}); ${protocolHint(expected, actual)}`,
      'ProtocolMismatch',
    ),
  ];
}

function checkBlocks(cidrs: readonly Cidr[]): Finding[] {
  const out: Finding[] = [];
  for (const cidr of cidrs) {
    const special = specialBlockOverlapping(cidrRange(cidr));
    if (special) {
      out.push(
        deny(
          RULE,
          'spec.cidrBlock',
          `${formatCidr(cidr)} overlaps the ${special.kind} block ${special.cidr}`,
          'ReservedAddresses',
        ),
      );
    }
    if (cidr.hostBitsSet) {
      out.push(
        warn(
          RULE,
          'spec.cidrBlock',
          `${formatAddress(cidr.family, cidr.address)}/${cidr.prefix} has host bits set; the subnet is ${formatCidr(cidr)}`,
        ),
      );
    }
  }
  return out;
}

/** Network and (IPv4) broadcast addresses exist only on blocks larger than a point-to-point /31. */
function hasNetworkAddresses(cidr: Cidr): boolean {
  return cidr.prefix < (cidr.family === 4 ? 31 : 127);
}

function checkGatewayAddress(address: Address, text: string, cidrs: readonly Cidr[]): string | undefined {
  const cidr = cidrs.find((c) => c.family === address.family);
  if (!cidr)
    return `gateway ${text} is ${familyName(address.family)} but cidrBlock has no ${familyName(address.family)} CIDR`;
  if (address.value < cidr.network || address.value > cidr.last) {
    return `gateway ${text} is outside ${formatCidr(cidr)}`;
  }
  if (!hasNetworkAddresses(cidr)) return undefined;
  if (address.value === cidr.network) return `gateway ${text} is the network address of ${formatCidr(cidr)}`;
  if (cidr.family === 4 && address.value === cidr.last) {
    return `gateway ${text} is the broadcast address of ${formatCidr(cidr)}`;
  }
  return undefined;
}

function checkGateway(gateway: string | undefined, cidrs: readonly Cidr[]): Finding[] {
  if (!gateway) return [];
  const out: Finding[] = [];
  const parts = gateway.split(',');
  if (parts.length > cidrs.length) {
    out.push(deny(RULE, 'spec.gateway', `${parts.length} gateways for ${cidrs.length} CIDR(s) in cidrBlock`));
  }
  const seen = new Set<number>();
  for (const text of parts) {
    let address: Address;
    try {
      address = parseAddress(text);
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      out.push(deny(RULE, 'spec.gateway', `${JSON.stringify(text)}: ${error.reason}`, 'InvalidGateway'));
      continue;
    }
    if (seen.has(address.family)) {
      out.push(
        deny(RULE, 'spec.gateway', `more than one ${familyName(address.family)} gateway in ${gateway}`),
      );
    }
    seen.add(address.family);
    const problem = checkGatewayAddress(address, text, cidrs);
    if (problem) out.push(deny(RULE, 'spec.gateway', problem, 'InvalidGateway'));
  }
  return out;
}

function checkExcludeIps(entries: readonly string[], cidrs: readonly Cidr[]): Finding[] {
  const out: Finding[] = [];
  entries.forEach((entry, index) => {
    const field = `spec.excludeIps[${index}]`;
    try {
      const range = parseIpOrKubeOvnRange(entry);
      if (!cidrs.some((cidr) => rangeContainsRange(cidrRange(cidr), range))) {
        const block = cidrs.map(formatCidr).join(',');
        out.push(
          deny(
            RULE,
            field,
            `${formatRange(range)} is not inside cidrBlock ${block}`,
            'ExcludeIpOutsideSubnet',
          ),
        );
      }
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      out.push(deny(RULE, field, `${JSON.stringify(entry)}: ${error.reason}`, 'InvalidExcludeIp'));
    }
  });
  return out;
}

/** Kube-OVN compares addresses as text, so it refuses upper-case IPv6 where it stores them. */
function checkLowercase(spec: SubnetSpec): Finding[] {
  const fields: [string, string][] = [
    ['spec.cidrBlock', spec.cidrBlock ?? ''],
    ['spec.gateway', spec.gateway ?? ''],
    ...(spec.excludeIps ?? []).map((v, i): [string, string] => [`spec.excludeIps[${i}]`, v]),
  ];
  return fields
    .filter(([, value]) => /[A-F]/.test(value))
    .map(([field, value]) =>
      deny(RULE, field, `${JSON.stringify(value)}: write IPv6 addresses in lower case`),
    );
}

/** A single-address block leaves nothing to allocate (Calico subnets get their own message). */
function checkHostRoutes(cidrs: readonly Cidr[], subnet: Subnet): Finding[] {
  if (isCalicoSubnet(subnet)) return [];
  return cidrs
    .filter((c) => c.prefix === (c.family === 4 ? 32 : 128))
    .map((c) =>
      deny(
        RULE,
        'spec.cidrBlock',
        `${formatCidr(c)} holds a single address; a subnet needs a shorter prefix`,
      ),
    );
}

/** cidrBlock syntax and families, protocol, reserved blocks, gateway and excludeIps placement. */
function check(ctx: AdmissionContext<Subnet>): Finding[] {
  const subnet = ctx.object;
  const spec = subnet.spec ?? {};
  const cidrBlock = spec.cidrBlock;
  if (!cidrBlock) return [deny(RULE, 'spec.cidrBlock', 'cidrBlock is required', 'MissingCidr')];
  const parsed = parseCidrBlock(cidrBlock);
  if (!parsed.ok) {
    const { error } = parsed;
    const where = error.index === undefined ? '' : `entry ${error.index} `;
    return [
      deny(RULE, 'spec.cidrBlock', `${where}${JSON.stringify(error.token)}: ${error.reason}`, 'InvalidCidr'),
    ];
  }
  const { cidrs } = parsed;
  return [
    ...checkLowercase(spec),
    ...checkHostRoutes(cidrs, subnet),
    ...checkProtocol(spec.protocol, cidrs),
    ...checkBlocks(cidrs),
    ...checkGateway(spec.gateway, cidrs),
    ...checkExcludeIps(spec.excludeIps ?? [], cidrs),
  ];
}

export const subnetAddressingRule: ValidationRule<Subnet> = {
  id: RULE,
  kinds: [SUBNET],
  reasons: [
    'MissingCidr',
    'InvalidCidr',
    'ProtocolMismatch',
    'ReservedAddresses',
    'InvalidGateway',
    'ExcludeIpOutsideSubnet',
    'InvalidExcludeIp',
  ],
  guide: '配置子网',
  check,
};
