/**
 * The two ConfigMaps the function keeps in kube-system: the zones state, and the CIDRs every other
 * zone advertises in the format the subnet overlap rule reads (zone name -> comma-separated CIDRs).
 */

import type { ZonesState } from '../../shared/interconnect/zones-state.js';
import { compareStrings } from '../../shared/kube/json-value.js';
import { IC_CIDRS_NAME, IC_CONFIG_NAMESPACE, IC_ZONES_NAME } from '../../shared/kube/keys/kubeovn.js';
import type { KubeObject } from '../../shared/kube/object.js';
import { type Cidr, cidrRange, formatCidr, parseCidr } from '../../shared/net/cidr.js';
import { NetParseError } from '../../shared/net/errors.js';
import { compareRanges } from '../../shared/net/ranges.js';

const DATA_KEY = /^[-._a-zA-Z0-9]{1,253}$/;

/** Parsed prefixes: every event rewrites the CIDRs from every Route, mostly the same prefixes. */
const parsed = new Map<string, Cidr | null>();
const PARSED_LIMIT = 50_000;

function cidrOf(prefix: string): Cidr | null {
  let cidr = parsed.get(prefix);
  if (cidr !== undefined) return cidr;
  try {
    cidr = parseCidr(prefix);
  } catch (error) {
    if (!(error instanceof NetParseError)) throw error;
    cidr = null;
  }
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(prefix, cidr);
  return cidr;
}
const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'acpnet' };

/**
 * Per zone other than `localZone`, its routes' prefixes (normalised, sorted, each once). Routes of a
 * zone not (yet) known, prefixes that are not CIDRs and zone names no ConfigMap key can hold are
 * left out.
 */
export function remoteCidrs(state: ZonesState, localZone: string | undefined): Record<string, string> {
  const byZone = new Map<string, Map<string, Cidr>>();
  for (const route of state.routes.values()) {
    const name = state.zones.get(route.zone)?.name;
    if (name === undefined || name === localZone || !DATA_KEY.test(name)) continue;
    const cidr = cidrOf(route.prefix);
    if (!cidr) continue;
    const cidrs = byZone.get(name) ?? new Map<string, Cidr>();
    cidrs.set(`${cidr.family}/${cidr.network}/${cidr.prefix}`, cidr);
    byZone.set(name, cidrs);
  }
  const data: Record<string, string> = {};
  for (const name of [...byZone.keys()].sort(compareStrings)) {
    data[name] = [...byZone.get(name)!.values()]
      .sort((a, b) => compareRanges(cidrRange(a), cidrRange(b)))
      .map(formatCidr)
      .join(',');
  }
  return data;
}

function configMap(name: string, data: Record<string, string>, stored: KubeObject | undefined): KubeObject {
  const metadata: KubeObject['metadata'] = { name, namespace: IC_CONFIG_NAMESPACE, labels: MANAGED_BY };
  // Applied over the version read: a writer that went between makes this a conflict, retried.
  if (stored?.metadata.resourceVersion) metadata.resourceVersion = stored.metadata.resourceVersion;
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data };
}

export function zonesConfigMap(data: Record<string, string>, stored: KubeObject | undefined): KubeObject {
  return configMap(IC_ZONES_NAME, data, stored);
}

export function cidrsConfigMap(
  state: ZonesState,
  localZone: string | undefined,
  stored: KubeObject | undefined,
): KubeObject {
  return configMap(IC_CIDRS_NAME, remoteCidrs(state, localZone), stored);
}
