/** Finding the availability zone to clean: by its name, or through a Gateway's hostname. */
import type { Row } from '../ovsdb/row.js';

export interface Zone {
  uuid: string;
  name: string;
}

export type ZoneTarget = { az: string } | { node: string };

export type ZoneLookup =
  | { kind: 'found'; zone: Zone }
  /** Nothing to clean: no zone has the name, or no Gateway has the hostname. */
  | { kind: 'missing'; reason: string }
  /** A node name whose Gateways belong to more than one zone (a node reused by a new cluster). */
  | { kind: 'ambiguous'; zones: Zone[] };

export function describeTarget(target: ZoneTarget): string {
  return 'az' in target ? `availability zone ${target.az}` : `the zone of node ${target.node}`;
}

/** `zones` are Availability_Zone rows, `gateways` Gateway rows (name, hostname, availability_zone). */
export function findZone(zones: readonly Row[], gateways: readonly Row[], target: ZoneTarget): ZoneLookup {
  const byUuid = new Map(zones.map((row) => [row.uuid!, { uuid: row.uuid!, name: row.string('name') }]));
  if ('az' in target) {
    const zone = [...byUuid.values()].find((z) => z.name === target.az);
    return zone
      ? { kind: 'found', zone }
      : { kind: 'missing', reason: `no availability zone is named ${target.az}` };
  }
  const found = new Map<string, Zone>();
  for (const gateway of gateways) {
    if (gateway.string('hostname') !== target.node) continue;
    const uuid = gateway.uuidRef('availability_zone');
    const zone = uuid ? byUuid.get(uuid) : undefined;
    if (zone) found.set(zone.uuid, zone);
  }
  const matches = [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (matches.length === 1) return { kind: 'found', zone: matches[0]! };
  if (matches.length > 1) return { kind: 'ambiguous', zones: matches };
  return {
    kind: 'missing',
    reason: `no Gateway has hostname ${target.node} (if the zone's Gateways were removed before, find the zone by its name)`,
  };
}
