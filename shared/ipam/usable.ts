import { addressBits } from '../net/address.js';
import type { Cidr } from '../net/cidr.js';
import type { IPRange } from '../net/range.js';

type Block = Pick<Cidr, 'family' | 'prefix' | 'network' | 'last'>;

/**
 * The addresses of a CIDR that Kube-OVN allocates from: network+1 .. last−1, for IPv6 as for IPv4
 * (kube-ovn pkg/util/net.go FirstIP/LastIP: IPv6 loses its subnet-router anycast address and its
 * all-ones address too). A /31 or /127 is used whole (RFC 3021 point-to-point; FirstIP/LastIP's ptp
 * case), and so is a /32 or /128, its one address (util.AddressCount counts 1, where FirstIP/LastIP
 * would give an empty range).
 */
export function usableRange(cidr: Block): IPRange {
  const hostBits = addressBits[cidr.family] - cidr.prefix;
  if (hostBits <= 1) return { family: cidr.family, first: cidr.network, last: cidr.last };
  return { family: cidr.family, first: cidr.network + 1n, last: cidr.last - 1n };
}

/** Kube-OVN's gateway when `spec.gateway` is empty: the first usable address (util.GetGwByCidr). */
export function defaultGateway(cidr: Block): bigint {
  return usableRange(cidr).first;
}
