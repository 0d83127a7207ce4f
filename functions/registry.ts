import { bgpHosts } from './bgp-hosts/index.js';
import { ingressSync } from './ingress-sync/index.js';
import { interconnectCidrs } from './interconnect-cidrs/index.js';
import { interconnectCleanup } from './interconnect-cleanup/index.js';
import { keepalivedHosts } from './keepalived-hosts/index.js';
import { loadBalancerIpam } from './loadbalancer-ipam/index.js';
import { podIpam } from './pod-ipam/index.js';
import { routeMigration } from './route-migration/index.js';
import type { EventFunction } from './runtime/contract.js';

/** Every function acpnet runs, in the order they see each event. */
export const allFunctions: readonly EventFunction[] = [
  ingressSync,
  bgpHosts,
  keepalivedHosts,
  podIpam,
  loadBalancerIpam,
  routeMigration,
  interconnectCleanup,
  interconnectCidrs,
];

/** The functions named in `--functions a,b`; throws naming any unknown one. */
export function selectFunctions(names: readonly string[] | undefined): EventFunction[] {
  if (!names || names.length === 0) return [...allFunctions];
  const unknown = names.filter((n) => !allFunctions.some((fn) => fn.name === n));
  if (unknown.length > 0) {
    const known = allFunctions.map((fn) => fn.name).join(', ');
    throw new Error(`unknown function(s) ${unknown.join(', ')} (known: ${known})`);
  }
  return allFunctions.filter((fn) => names.includes(fn.name));
}
