/**
 * Names of the OVN interconnect (IC) databases, tables and columns, and how ovn-ic and Kube-OVN
 * name what they create in a cluster's northbound database.
 */

export const IC_SOUTHBOUND = 'OVN_IC_Southbound';
export const NORTHBOUND = 'OVN_Northbound';

export const AVAILABILITY_ZONE = 'Availability_Zone';
export const GATEWAY = 'Gateway';
export const ENCAP = 'Encap';
export const ROUTE = 'Route';
export const PORT_BINDING = 'Port_Binding';

/** ovn-ic marks the Logical_Switch it mirrors from an IC northbound Transit_Switch with this key. */
export const TRANSIT_SWITCH_KEY = 'interconn-ts';
/** ovn-ic marks the static routes it learned from other zones with this external_ids key. */
export const LEARNED_ROUTE_KEY = 'ic-learned-route';

/** Kube-OVN names its transit switches ts, ts1, ts2, ... (one per gateway group). */
const KUBE_OVN_TRANSIT_SWITCH = /^ts\d*$/;

export function isTransitSwitch(name: string, otherConfig: Readonly<Record<string, string>>): boolean {
  return TRANSIT_SWITCH_KEY in otherConfig || KUBE_OVN_TRANSIT_SWITCH.test(name);
}

/**
 * Kube-OVN connects a zone to transit switch TS with switch port `TS-AZ` and router port `AZ-TS`.
 * Zone names may contain hyphens, so the switch port splits at its first hyphen and the router
 * port at its last (transit switch names have none), as Kube-OVN does.
 */
export function isZoneSwitchPort(name: string, zone: string, transitSwitches: ReadonlySet<string>): boolean {
  const dash = name.indexOf('-');
  if (dash < 0) return false;
  const ts = name.slice(0, dash);
  return name.slice(dash + 1) === zone && (ts.startsWith('ts') || transitSwitches.has(ts));
}

export function isZoneRouterPort(name: string, zone: string, transitSwitches: ReadonlySet<string>): boolean {
  const dash = name.lastIndexOf('-');
  if (dash < 0) return false;
  const ts = name.slice(dash + 1);
  return name.slice(0, dash) === zone && (ts.startsWith('ts') || transitSwitches.has(ts));
}
