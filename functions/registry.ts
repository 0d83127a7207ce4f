import { ingressSync } from './ingress-sync/index.js';
import { interconnectCidrs } from './interconnect-cidrs/index.js';
import { interconnectCleanup } from './interconnect-cleanup/index.js';
import type { EventFunction } from './runtime/contract.js';

/** Every function acpnet runs, in the order they see each event. */
export const allFunctions: readonly EventFunction[] = [ingressSync, interconnectCleanup, interconnectCidrs];

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
