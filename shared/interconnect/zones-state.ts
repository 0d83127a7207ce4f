/**
 * kube-system/acpnet-interconnect-zones: the IC southbound database's availability zones and routes
 * as the interconnect-cidrs function last heard of them from the OVSDB monitor, one data key per
 * row, so that each row change is applied on its own and a delete knows what it removes:
 *
 *   zone.<uuid>   <sequence> <name>
 *   route.<uuid>  <sequence> <zone uuid> <ip_prefix>
 *
 * `<sequence>` is the row event's (`-` when it had none): an older change of a row is not applied
 * over a newer one. The admission of ovn-ic-config reads the zone names from here.
 */

export interface ZoneRow {
  sequence: string;
  name: string;
}

export interface RouteRow {
  sequence: string;
  zone: string;
  prefix: string;
}

export interface ZonesState {
  zones: Map<string, ZoneRow>;
  routes: Map<string, RouteRow>;
}

const ZONE_KEY = /^zone\.([0-9a-f-]{36})$/;
const ROUTE_KEY = /^route\.([0-9a-f-]{36})$/;

/** The state a ConfigMap's data holds; entries that are not of the format are left out. */
export function readZonesState(data: Readonly<Record<string, string>> | undefined): ZonesState {
  const state: ZonesState = { zones: new Map(), routes: new Map() };
  for (const [key, value] of Object.entries(data ?? {})) {
    const zone = ZONE_KEY.exec(key);
    const route = ROUTE_KEY.exec(key);
    const [sequence = '', ...rest] = value.split(' ');
    if (zone && rest.length > 0) state.zones.set(zone[1]!, { sequence, name: rest.join(' ') });
    if (route && rest.length === 2)
      state.routes.set(route[1]!, { sequence, zone: rest[0]!, prefix: rest[1]! });
  }
  return state;
}

/** The ConfigMap data of a state, keys in order. */
export function zonesStateData(state: ZonesState): Record<string, string> {
  const entries: [string, string][] = [
    ...[...state.zones].map(([uuid, zone]): [string, string] => [
      `zone.${uuid}`,
      `${zone.sequence} ${zone.name}`,
    ]),
    ...[...state.routes].map(([uuid, route]): [string, string] => [
      `route.${uuid}`,
      `${route.sequence} ${route.zone} ${route.prefix}`,
    ]),
  ];
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/** Whether a change with `sequence` is older than what the state holds of the row. */
export function isOlder(sequence: string | undefined, stored: { sequence: string } | undefined): boolean {
  if (sequence === undefined || stored === undefined || !/^\d+$/.test(stored.sequence)) return false;
  return BigInt(sequence) < BigInt(stored.sequence);
}

/** The names of the zones, sorted. */
export function zoneNames(state: ZonesState): string[] {
  return [...new Set([...state.zones.values()].map((zone) => zone.name))].sort();
}
