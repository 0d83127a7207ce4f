import { defaultGateway, usableRange } from '../ipam/usable.js';
import type { Subnet } from '../kube/schemas/kubeovn.js';
import { type Address, familyName, formatAddress, tryParseAddress } from '../net/address.js';
import { cidrRange, formatCidr } from '../net/cidr.js';
import { rangeContainsAddress } from '../net/ranges.js';
import { subnetCidrs } from './subnet.js';

/** Why Kube-OVN would never give a Subnet's pod this address, as its allocator judges a fixed one. */
export interface SubnetAddressProblem {
  reason: 'OutsideSubnet' | 'UnusableAddress';
  message: string;
}

/**
 * The address must lie in the Subnet's CIDR of its family, and be neither the network or broadcast
 * address (Kube-OVN hands out network+1 .. broadcast-1, a /31 or /32 whole) nor the gateway
 * (`spec.gateway`, else the first usable address), which its allocator refuses even when fixed.
 */
export function subnetAddressProblem(subnet: Subnet, address: Address): SubnetAddressProblem | undefined {
  const name = subnet.metadata.name ?? '';
  const text = formatAddress(address.family, address.value);
  const cidr = subnetCidrs(subnet).find((c) => c.family === address.family);
  if (!cidr || !rangeContainsAddress(cidrRange(cidr), address)) {
    const inside = cidr ? formatCidr(cidr) : `no ${familyName(address.family)} CIDR`;
    return { reason: 'OutsideSubnet', message: `${text} is not inside Subnet ${name} (${inside})` };
  }
  if (!rangeContainsAddress(usableRange(cidr), address)) {
    const which = address.value === cidr.network ? 'network' : 'broadcast';
    return {
      reason: 'UnusableAddress',
      message: `${text} is the ${which} address of Subnet ${name} (${formatCidr(cidr)}); Kube-OVN never hands it out`,
    };
  }
  const written = (subnet.spec?.gateway ?? '').split(',').map((t) => tryParseAddress(t.trim()));
  const gateway = written.find((a) => a?.family === address.family)?.value ?? defaultGateway(cidr);
  if (gateway === address.value) {
    return {
      reason: 'UnusableAddress',
      message: `${text} is the gateway of Subnet ${name}; Kube-OVN never hands it out`,
    };
  }
  return undefined;
}
