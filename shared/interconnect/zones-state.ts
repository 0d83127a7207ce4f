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

export const ZONE_KEY_PREFIX = 'zone.';
export const ROUTE_KEY_PREFIX = 'route.';
const UUID_LENGTH = 36;

/** The state a ConfigMap's data holds; entries that are not of the format are left out. */
export function readZonesState(data: Readonly<Record<string, string>> | undefined): ZonesState {
  const state: ZonesState = { zones: new Map(), routes: new Map() };
  for (const key in data) {
    const value = data[key]!;
    const space = value.indexOf(' ');
    if (space <= 0) continue;
    const sequence = value.slice(0, space);
    if (key.length === ZONE_KEY_PREFIX.length + UUID_LENGTH && key.startsWith(ZONE_KEY_PREFIX)) {
      state.zones.set(key.slice(ZONE_KEY_PREFIX.length), { sequence, name: value.slice(space + 1) });
    } else if (key.length === ROUTE_KEY_PREFIX.length + UUID_LENGTH && key.startsWith(ROUTE_KEY_PREFIX)) {
      const second = value.indexOf(' ', space + 1);
      if (second < 0 || value.indexOf(' ', second + 1) >= 0) continue;
      state.routes.set(key.slice(ROUTE_KEY_PREFIX.length), {
        sequence,
        zone: value.slice(space + 1, second),
        prefix: value.slice(second + 1),
      });
    }
  }
  return state;
}

/** The data entry of a zone row, or of a route row. */
export function zoneEntry(uuid: string, zone: ZoneRow): [string, string] {
  return [`${ZONE_KEY_PREFIX}${uuid}`, `${zone.sequence} ${zone.name}`];
}

export function routeEntry(uuid: string, route: RouteRow): [string, string] {
  return [`${ROUTE_KEY_PREFIX}${uuid}`, `${route.sequence} ${route.zone} ${route.prefix}`];
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
