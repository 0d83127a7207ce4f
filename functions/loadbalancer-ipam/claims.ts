import type { KubeObject } from '../../shared/kube/object.js';
import type { IPAddress } from '../../shared/kube/schemas/ip-address.js';
import { type Address, familyName, formatAddress } from '../../shared/net/address.js';
import { HOLDERS_ANNOTATION, IP_FAMILY_LABEL, MANAGED_BY, MANAGED_BY_LABEL } from './keys.js';

/**
 * A claim is a networking.k8s.io/v1 IPAddress named by the address: the API server lets one exist per
 * name, so two replicas that pick the same address cannot both create it, and the one that loses
 * plans again. Its parentRef names the Service that claimed it first; HOLDERS_ANNOTATION lists every
 * Service holding it now (more than one when they share it).
 */

export function isOwnClaim(claim: IPAddress): boolean {
  return claim.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY;
}

/** The holders a claim lists, `namespace/name`, sorted. */
export function holdersOfClaim(claim: IPAddress): string[] {
  const value = claim.metadata.annotations?.[HOLDERS_ANNOTATION] ?? '';
  return value
    .split(',')
    .map((holder) => holder.trim())
    .filter(Boolean)
    .sort();
}

export function holdersValue(holders: Iterable<string>): string {
  return [...holders].sort().join(',');
}

/** The claim of `address` for `holders`, the first of them as its parent. */
export function claimObject(address: Address, holders: readonly string[], parent: string): IPAddress {
  const slash = parent.indexOf('/');
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IPAddress',
    metadata: {
      name: formatAddress(address.family, address.value),
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY, [IP_FAMILY_LABEL]: familyName(address.family) },
      annotations: { [HOLDERS_ANNOTATION]: holdersValue(holders) },
    },
    // The core group is written as the API server stores it: left out (parentRef.group is omitempty).
    spec: {
      parentRef: {
        resource: 'services',
        namespace: parent.slice(0, slash),
        name: parent.slice(slash + 1),
      },
    },
  };
}

/**
 * A change of an existing claim's holders, made only if nobody wrote it since it was read: the
 * resourceVersion is a precondition of the apply.
 */
export function claimHoldersUpdate(claim: IPAddress, holders: readonly string[]): KubeObject {
  return {
    apiVersion: claim.apiVersion,
    kind: claim.kind,
    metadata: {
      name: claim.metadata.name,
      resourceVersion: claim.metadata.resourceVersion,
      annotations: { [HOLDERS_ANNOTATION]: holdersValue(holders) },
    },
  };
}
