import { DEFAULT_SUBNET, DEFAULT_VPC } from '../kube/keys/kubeovn.js';
import type { Subnet } from '../kube/schemas/kubeovn.js';
import type { Cidr } from '../net/cidr.js';
import { cidrRange } from '../net/cidr.js';
import { NetParseError } from '../net/errors.js';
import type { IPRange } from '../net/range.js';
import { parseDualStackCidrs, parseIpOrKubeOvnRange } from '../net/syntax.js';

export type ParsedCidrs = { ok: true; cidrs: Cidr[] } | { ok: false; error: NetParseError };

export function parseCidrBlock(text: string): ParsedCidrs {
  try {
    return { ok: true, cidrs: parseDualStackCidrs(text) };
  } catch (error) {
    if (error instanceof NetParseError) return { ok: false, error };
    throw error;
  }
}

/** The CIDRs of a Subnet, or none when `cidrBlock` is absent or does not parse. */
export function subnetCidrs(subnet: Subnet | undefined): Cidr[] {
  const text = subnet?.spec?.cidrBlock;
  if (text === undefined) return [];
  const parsed = parseCidrBlock(text);
  return parsed.ok ? parsed.cidrs : [];
}

export function subnetRanges(subnet: Subnet | undefined): IPRange[] {
  return subnetCidrs(subnet).map(cidrRange);
}

/** The ranges of `excludeIps` (addresses and `a..b` ranges) that parse; the rest reserve nothing. */
export function subnetExcludedRanges(subnet: Subnet | undefined): IPRange[] {
  const out: IPRange[] = [];
  for (const entry of subnet?.spec?.excludeIps ?? []) {
    try {
      out.push(parseIpOrKubeOvnRange(entry));
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
    }
  }
  return out;
}

export function subnetVpc(subnet: Subnet): string {
  return subnet.spec?.vpc || DEFAULT_VPC;
}

/** The VLAN of an underlay subnet; empty for overlay subnets. */
export function subnetVlan(subnet: Subnet): string {
  return subnet.spec?.vlan ?? '';
}

export function isDefaultSubnet(subnet: Subnet): boolean {
  return subnet.spec?.default === true || subnet.metadata.name === DEFAULT_SUBNET;
}

/** Subnets of the platform's Calico networks carry at least one Calico-only field. */
export function isCalicoSubnet(subnet: Subnet): boolean {
  const spec = subnet.spec;
  return spec?.ipipMode !== undefined || spec?.vxlanMode !== undefined || spec?.v4blockSize !== undefined;
}

/** The guide's CIDR prefix -> Calico blockSize table (prefixes above 31 are refused). */
export function calicoBlockSize(prefix: number): number {
  if (prefix <= 19) return prefix <= 16 ? 26 : 27;
  if (prefix <= 21) return prefix === 20 ? 28 : 29;
  return prefix <= 25 ? 30 : 31;
}
