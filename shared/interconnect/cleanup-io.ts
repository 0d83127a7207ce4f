/**
 * The I/O around the cleanup planners, kept thin: read the rows a plan needs, and run a plan's
 * operations as one transaction. Every write happens in `applyPlan`, after every read.
 */
import type { OvsdbClient } from '../ovsdb/client.js';
import type { Operation } from '../ovsdb/operations.js';
import { IC_SOUTHBOUND, NORTHBOUND } from './names.js';
import {
  type NorthboundCleanupPlan,
  northboundSnapshotQuery,
  planNorthboundCleanup,
} from './northbound-cleanup.js';
import { findZone, type ZoneLookup, type ZoneTarget } from './zone.js';
import { planZoneCleanup, rowsByTable, type ZoneCleanupPlan, zoneSnapshotQuery } from './zone-cleanup.js';

/** What the reads need of a client: a planner's read-only access will do. */
export type DatabaseReader = Pick<OvsdbClient, 'getSchema' | 'transact'>;

export interface SouthboundReading {
  lookup: ZoneLookup;
  /** Present when the zone was found. */
  plan?: ZoneCleanupPlan;
  /** `name version` of the schema the plan was made for. */
  schema: string;
}

/** Finds the zone in the IC southbound database and plans its removal. */
export async function readSouthboundCleanup(
  client: DatabaseReader,
  target: ZoneTarget,
): Promise<SouthboundReading> {
  const schema = await client.getSchema(IC_SOUTHBOUND);
  const schemaText = `${schema.name} ${schema.version}`;
  const [zones, gateways] = await client.transact(IC_SOUTHBOUND, [
    { op: 'select', table: 'Availability_Zone', where: [], columns: ['_uuid', 'name'] },
    { op: 'select', table: 'Gateway', where: [], columns: ['_uuid', 'hostname', 'availability_zone'] },
  ]);
  const lookup = findZone(zones?.rows ?? [], gateways?.rows ?? [], target);
  if (lookup.kind !== 'found') return { lookup, schema: schemaText };
  const query = zoneSnapshotQuery(schema, lookup.zone);
  const results = await client.transact(IC_SOUTHBOUND, query);
  return {
    lookup,
    plan: planZoneCleanup(schema, lookup.zone, rowsByTable(query, results)),
    schema: schemaText,
  };
}

/** Plans the northbound cleanup for `zone` (undefined: the database's own zone). */
export async function readNorthboundCleanup(
  client: DatabaseReader,
  zone: string | undefined,
): Promise<NorthboundCleanupPlan> {
  const results = await client.transact(NORTHBOUND, northboundSnapshotQuery);
  return planNorthboundCleanup(rowsByTable(northboundSnapshotQuery, results), zone);
}

export interface AppliedPlan {
  /** Rows each table lost through the plan's delete operations (as the server counted them). */
  deleted: Record<string, number>;
  /** Rows whose sets the plan's mutations changed, per table. */
  mutated: Record<string, number>;
}

/** Runs the operations as one transaction and counts what the server did. */
export async function applyPlan(
  client: OvsdbClient,
  database: string,
  operations: readonly Operation[],
): Promise<AppliedPlan> {
  const results = await client.transact(database, operations);
  const applied: AppliedPlan = { deleted: {}, mutated: {} };
  operations.forEach((operation, index) => {
    const count = results[index]?.count ?? 0;
    if (operation.op !== 'delete' && operation.op !== 'mutate') return;
    const bucket = operation.op === 'delete' ? applied.deleted : applied.mutated;
    bucket[operation.table] = (bucket[operation.table] ?? 0) + count;
  });
  return applied;
}
