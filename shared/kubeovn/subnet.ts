import { DEFAULT_SUBNET, DEFAULT_VPC } from '../kube/keys/kubeovn.js';
import type { KubeObject } from '../kube/object.js';
import { boolField, specOf, stringField } from '../kube/spec-fields.js';
import type { Cidr } from '../net/cidr.js';
import { cidrRange } from '../net/cidr.js';
import { NetParseError } from '../net/errors.js';
import type { IPRange } from '../net/range.js';
import { parseDualStackCidrs } from '../net/syntax.js';

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
export function subnetCidrs(obj: KubeObject | undefined): Cidr[] {
  const text = stringField(specOf(obj), 'cidrBlock');
  if (text === undefined) return [];
  const parsed = parseCidrBlock(text);
  return parsed.ok ? parsed.cidrs : [];
}

export function subnetRanges(obj: KubeObject | undefined): IPRange[] {
  return subnetCidrs(obj).map(cidrRange);
}

export function subnetVpc(obj: KubeObject): string {
  return stringField(specOf(obj), 'vpc') || DEFAULT_VPC;
}

/** The VLAN of an underlay subnet; empty for overlay subnets. */
export function subnetVlan(obj: KubeObject): string {
  return stringField(specOf(obj), 'vlan') ?? '';
}

export function isDefaultSubnet(obj: KubeObject): boolean {
  return boolField(specOf(obj), 'default') === true || obj.metadata.name === DEFAULT_SUBNET;
}

const calicoFields = ['ipipMode', 'vxlanMode', 'v4blockSize'] as const;

/** Subnets of the platform's Calico networks carry at least one Calico-only field. */
export function isCalicoSubnet(obj: KubeObject): boolean {
  const spec = specOf(obj);
  return calicoFields.some((field) => spec[field] !== undefined);
}

/** The guide's CIDR prefix -> Calico blockSize table (prefixes above 31 are refused). */
export function calicoBlockSize(prefix: number): number {
  if (prefix <= 19) return prefix <= 16 ? 26 : 27;
  if (prefix <= 21) return prefix === 20 ? 28 : 29;
  return prefix <= 25 ? 30 : 31;
}
