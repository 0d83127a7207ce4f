import { createHash } from 'node:crypto';
import { IP_CLAIM, type IPClaim } from '../kube/schemas/acpnet.js';
import { type Family, formatAddress } from '../net/address.js';

/**
 * Address-keyed claims: the API server's arbitration between replicas that allocate from one
 * allocator. A claim's name is made of the allocator's scope and the address, so only one create of
 * it succeeds; the loser plans again. The spec never changes (the CRD refuses it): a claim is made
 * when its address is handed out and deleted when it is released.
 */

/** The scope of a Kube-OVN Subnet's addresses. */
export function subnetScope(subnet: string): string {
  return `Subnet/${subnet}`;
}

const MAX_NAME = 253;

/** The address as a name part: IPv4 dotted, IPv6 as its eight groups joined by hyphens. */
function addressLabel(family: Family, value: bigint): string {
  if (family === 4) return formatAddress(4, value);
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) groups.push(((value >> shift) & 0xffffn).toString(16));
  return groups.join('-');
}

/**
 * `<scope name>.<address>`, e.g. `ovn-default.10.16.0.5` or `dual.fd00-10-16-0-0-0-0-5`; a scope
 * name too long for that is replaced by 16 hex digits of its SHA-256.
 */
export function claimName(scopeName: string, family: Family, value: bigint): string {
  const label = addressLabel(family, value);
  const name = `${scopeName}.${label}`;
  if (name.length <= MAX_NAME) return name;
  return `${createHash('sha256').update(scopeName).digest('hex').slice(0, 16)}.${label}`;
}

export interface ClaimSpec {
  /** The allocator's scope (`subnetScope`) and the name part it gives the claim. */
  scope: string;
  scopeName: string;
  family: Family;
  address: bigint;
  owner: string;
}

export function ipClaimObject(claim: ClaimSpec): IPClaim {
  return {
    apiVersion: `${IP_CLAIM.group}/v1alpha1`,
    kind: 'IPClaim',
    metadata: { name: claimName(claim.scopeName, claim.family, claim.address) },
    spec: {
      scope: claim.scope,
      address: formatAddress(claim.family, claim.address),
      owner: claim.owner,
    },
  };
}
