/**
 * The plan that removes the interconnect from a cluster's own northbound database when the cluster
 * leaves for good, as ONE transaction (pure: rows in, operations out):
 *
 * - the transit switches (Logical_Switch with `other_config:interconn-ts`, or named as Kube-OVN
 *   names them: ts, ts1, ...); their ports, the zone's and the other zones' remote ones, go with them;
 * - the zone's transit ports elsewhere: switch ports `TS-AZ` and router ports `AZ-TS`;
 * - the static routes ovn-ic learned from the other zones (`external_ids:ic-learned-route`).
 *
 * Ports and static routes are not root rows: they are removed from their switch's or router's set
 * and the server collects them. Every operation names rows by uuid, so running it again is harmless.
 */
import { uuidSet } from '../ovsdb/datum.js';
import { byUuid, type Operation } from '../ovsdb/operations.js';
import type { Row } from '../ovsdb/row.js';
import {
  isTransitSwitch,
  isZoneRouterPort,
  isZoneSwitchPort,
  LEARNED_ROUTE_KEY,
  TRANSIT_SWITCH_KEY,
} from './names.js';
import type { PlannedRow } from './planned-row.js';

export const NB_GLOBAL = 'NB_Global';
export const LOGICAL_SWITCH = 'Logical_Switch';
export const LOGICAL_SWITCH_PORT = 'Logical_Switch_Port';
export const LOGICAL_ROUTER = 'Logical_Router';
export const LOGICAL_ROUTER_PORT = 'Logical_Router_Port';
export const STATIC_ROUTE = 'Logical_Router_Static_Route';

/** The selects that read what the plan needs, only the columns it uses. */
export const northboundSnapshotQuery: readonly Operation[] = [
  { op: 'select', table: NB_GLOBAL, where: [], columns: ['_uuid', 'name'] },
  { op: 'select', table: LOGICAL_SWITCH, where: [], columns: ['_uuid', 'name', 'other_config', 'ports'] },
  { op: 'select', table: LOGICAL_SWITCH_PORT, where: [], columns: ['_uuid', 'name'] },
  { op: 'select', table: LOGICAL_ROUTER, where: [], columns: ['_uuid', 'name', 'ports', 'static_routes'] },
  { op: 'select', table: LOGICAL_ROUTER_PORT, where: [], columns: ['_uuid', 'name'] },
  {
    op: 'select',
    table: STATIC_ROUTE,
    where: [],
    columns: ['_uuid', 'ip_prefix', 'nexthop', 'route_table', 'external_ids'],
  },
];

export interface NorthboundCleanupPlan {
  /** The zone whose transit ports go: the one asked for, or the database's own (NB_Global name). */
  zone: string | undefined;
  /** The zone the database says it belongs to (NB_Global name), when set. */
  databaseZone: string | undefined;
  /** Set when the database belongs to another zone: nothing may be done. */
  refusal?: string;
  rows: PlannedRow[];
  /** One transaction; empty when there is nothing to do. */
  operations: Operation[];
}

function byName(a: PlannedRow, b: PlannedRow): number {
  return a.label < b.label ? -1 : a.label > b.label ? 1 : a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0;
}

/**
 * Plans the northbound cleanup from the rows `northboundSnapshotQuery` reads (table -> rows).
 * `zone` is the zone being removed; without it, the database's own zone (NB_Global name) is used.
 */
export function planNorthboundCleanup(
  rows: ReadonlyMap<string, readonly Row[]>,
  zone: string | undefined,
): NorthboundCleanupPlan {
  const get = (table: string) => rows.get(table) ?? [];
  const databaseZone = get(NB_GLOBAL)
    .map((row) => row.string('name'))
    .find((name) => name !== '');
  if (zone !== undefined && databaseZone !== undefined && databaseZone !== zone) {
    return {
      zone,
      databaseZone,
      refusal: `the northbound database belongs to availability zone ${databaseZone} (NB_Global name), not ${zone}`,
      rows: [],
      operations: [],
    };
  }
  const target = zone ?? databaseZone;

  const switchPorts = new Map(get(LOGICAL_SWITCH_PORT).map((row) => [row.uuid!, row.string('name')]));
  const routerPorts = new Map(get(LOGICAL_ROUTER_PORT).map((row) => [row.uuid!, row.string('name')]));
  const staticRoutes = new Map(get(STATIC_ROUTE).map((row) => [row.uuid!, row]));

  const transit = get(LOGICAL_SWITCH).filter((ls) =>
    isTransitSwitch(ls.string('name'), ls.stringMap('other_config')),
  );
  const transitNames = new Set(
    transit.flatMap((ls) => [ls.string('name'), ls.stringMap('other_config')[TRANSIT_SWITCH_KEY] ?? '']),
  );
  transitNames.delete('');

  const planned: PlannedRow[] = [];
  const operations: Operation[] = [];
  const transitUuids = new Set(transit.map((ls) => ls.uuid!));

  for (const ls of [...transit].sort((a, b) => (a.string('name') < b.string('name') ? -1 : 1))) {
    const name = ls.string('name');
    planned.push({
      table: LOGICAL_SWITCH,
      uuid: ls.uuid!,
      label: name,
      action: 'delete',
      via: 'transit switch',
    });
    const ports = ls
      .uuids('ports')
      .map((uuid): PlannedRow => {
        const label = switchPorts.get(uuid) ?? uuid;
        return {
          table: LOGICAL_SWITCH_PORT,
          uuid,
          label,
          action: 'collected',
          via: `Logical_Switch ${name}`,
        };
      })
      .sort(byName);
    planned.push(...ports);
    operations.push({ op: 'delete', table: LOGICAL_SWITCH, where: [byUuid(ls.uuid!)] });
  }

  if (target !== undefined) {
    for (const ls of get(LOGICAL_SWITCH)) {
      if (transitUuids.has(ls.uuid!)) continue;
      const zonePorts = ls.uuids('ports').filter((uuid) => {
        const name = switchPorts.get(uuid);
        return name !== undefined && isZoneSwitchPort(name, target, transitNames);
      });
      if (zonePorts.length === 0) continue;
      for (const uuid of zonePorts) {
        const label = switchPorts.get(uuid)!;
        const via = `Logical_Switch ${ls.string('name')}`;
        planned.push({ table: LOGICAL_SWITCH_PORT, uuid, label, action: 'detached', via });
      }
      operations.push({
        op: 'mutate',
        table: LOGICAL_SWITCH,
        where: [byUuid(ls.uuid!)],
        mutations: [['ports', 'delete', uuidSet(zonePorts.sort())]],
      });
    }
  }

  for (const lr of [...get(LOGICAL_ROUTER)].sort((a, b) => (a.string('name') < b.string('name') ? -1 : 1))) {
    const routerName = lr.string('name');
    const via = `Logical_Router ${routerName}`;
    const zonePorts =
      target === undefined
        ? []
        : lr.uuids('ports').filter((uuid) => {
            const name = routerPorts.get(uuid);
            return name !== undefined && isZoneRouterPort(name, target, transitNames);
          });
    const learned = lr.uuids('static_routes').filter((uuid) => {
      const route = staticRoutes.get(uuid);
      return route !== undefined && LEARNED_ROUTE_KEY in route.stringMap('external_ids');
    });
    for (const uuid of zonePorts) {
      planned.push({
        table: LOGICAL_ROUTER_PORT,
        uuid,
        label: routerPorts.get(uuid)!,
        action: 'detached',
        via,
      });
    }
    for (const uuid of learned) {
      const route = staticRoutes.get(uuid)!;
      const label = `${route.string('ip_prefix')} via ${route.string('nexthop')} (learned)`;
      planned.push({ table: STATIC_ROUTE, uuid, label, action: 'detached', via });
    }
    const mutations: [string, 'delete', ReturnType<typeof uuidSet>][] = [];
    if (zonePorts.length > 0) mutations.push(['ports', 'delete', uuidSet(zonePorts.sort())]);
    if (learned.length > 0) mutations.push(['static_routes', 'delete', uuidSet(learned.sort())]);
    if (mutations.length > 0) {
      operations.push({ op: 'mutate', table: LOGICAL_ROUTER, where: [byUuid(lr.uuid!)], mutations });
    }
  }

  if (operations.length > 0) {
    operations.unshift({
      op: 'comment',
      comment: `acpnet interconnect clean: transit switches and learned routes${target ? ` of zone ${target}` : ''}`,
    });
  }
  return { zone: target, databaseZone, rows: planned, operations };
}
