/**
 * The plan that removes what an availability zone left in the IC southbound database, as ONE
 * transaction. It is pure: the schema and the rows read before go in, the operations come out.
 *
 * What goes is found from the schema at hand, not from a fixed list: every row that refers to the
 * zone strongly (in OVN 23.03: its Gateways, Routes and Port_Bindings) would make deleting the zone
 * fail, so it is deleted with it; so is, in turn, every row referring strongly to a deleted row. A
 * row whose reference is one member of a set that may lose it only has the reference removed.
 * Gateways own their Encaps: a non-root Encap is garbage-collected with its Gateway, a root one
 * (as older schemas had it) is deleted explicitly, unless a Gateway that stays still uses it.
 */
import { type Atom, OvsdbMap, OvsdbSet, Uuid } from '../ovsdb/datum.js';
import type { Condition, Operation } from '../ovsdb/operations.js';
import { byUuid } from '../ovsdb/operations.js';
import type { Row } from '../ovsdb/row.js';
import { type ColumnReference, type DatabaseSchema, isScalarType, referencesTo } from '../ovsdb/schema.js';
import { AVAILABILITY_ZONE, ENCAP, GATEWAY, PORT_BINDING, ROUTE } from './names.js';
import type { PlannedRow } from './planned-row.js';
import type { Zone } from './zone.js';

export interface ZoneCleanupPlan {
  zone: Zone;
  /** In the order of the guide's script: Gateways (and their Encaps), Routes, Port_Bindings, others, the zone. */
  rows: PlannedRow[];
  /** One transaction: a comment, the deletes and mutations, and the zone's delete last. */
  operations: Operation[];
}

/** Relations where the parent row owns what it refers to: the child goes with it. */
const OWNED_CHILDREN: readonly { table: string; column: string }[] = [{ table: GATEWAY, column: 'encaps' }];

const TABLE_ORDER = [GATEWAY, ENCAP, ROUTE, PORT_BINDING];

function strongReferences(schema: DatabaseSchema): ColumnReference[] {
  return [...schema.tables.keys()].flatMap((table) =>
    referencesTo(schema, table).filter((ref) => ref.refType === 'strong'),
  );
}

function targetOf(schema: DatabaseSchema, ref: ColumnReference): string {
  const base = schema.tables.get(ref.table)!.columns.get(ref.column)!.type[ref.position]!;
  return base.refTable!;
}

/** The tables whose rows may be affected: strong referrers of the zone, and of them, transitively. */
export function affectedTables(schema: DatabaseSchema): string[] {
  const refs = strongReferences(schema);
  const seen = new Set([AVAILABILITY_ZONE]);
  const queue = [AVAILABILITY_ZONE];
  const out: string[] = [];
  while (queue.length > 0) {
    const target = queue.shift()!;
    for (const ref of refs) {
      if (targetOf(schema, ref) !== target || seen.has(ref.table)) continue;
      seen.add(ref.table);
      out.push(ref.table);
      queue.push(ref.table);
    }
  }
  return out;
}

/**
 * The selects that read every row the plan needs: the zone's direct referrers filtered by the
 * reference (scalars and sets; a map cannot be matched by its keys or values alone, so its table
 * is read whole), the tables further away whole, and the owned children's tables (with their
 * parents) whole.
 */
export function zoneSnapshotQuery(schema: DatabaseSchema, zone: Zone): Operation[] {
  const refs = strongReferences(schema);
  const direct = refs.filter((ref) => targetOf(schema, ref) === AVAILABILITY_ZONE);
  const filtered = new Map<string, Condition[][]>();
  const whole = new Set<string>();
  for (const ref of direct) {
    if (ref.type.value !== undefined) whole.add(ref.table);
    else {
      const zoneUuid = new Uuid(zone.uuid);
      const condition: Condition = isScalarType(ref.type)
        ? [ref.column, '==', zoneUuid]
        : [ref.column, 'includes', new OvsdbSet([zoneUuid])];
      filtered.set(ref.table, [...(filtered.get(ref.table) ?? []), [condition]]);
    }
  }
  for (const table of affectedTables(schema))
    if (!direct.some((ref) => ref.table === table)) whole.add(table);
  for (const owned of OWNED_CHILDREN) {
    const column = schema.tables.get(owned.table)?.columns.get(owned.column);
    const child = column?.type.key.refTable;
    if (!column || !child) continue;
    whole.add(owned.table);
    whole.add(child);
  }
  const operations: Operation[] = [];
  for (const table of whole) operations.push({ op: 'select', table, where: [] });
  for (const [table, wheres] of filtered) {
    if (whole.has(table)) continue;
    for (const where of wheres) operations.push({ op: 'select', table, where });
  }
  return operations;
}

/** Rows of a snapshot's select results, by table, each row once. */
export function rowsByTable(
  operations: readonly Operation[],
  results: readonly { rows?: readonly Row[] }[],
): Map<string, Row[]> {
  const byTable = new Map<string, Map<string, Row>>();
  operations.forEach((operation, index) => {
    if (operation.op !== 'select') return;
    const rows = byTable.get(operation.table) ?? new Map<string, Row>();
    for (const row of results[index]?.rows ?? []) if (row.uuid) rows.set(row.uuid, row);
    byTable.set(operation.table, rows);
  });
  return new Map([...byTable].map(([table, rows]) => [table, [...rows.values()]]));
}

function text(row: Row, column: string): string {
  const value = row.get(column);
  return typeof value === 'string' ? value : '';
}

/** The columns a person recognises a row by. */
export function rowLabel(row: Row): string {
  switch (row.table) {
    case AVAILABILITY_ZONE:
      return text(row, 'name');
    case GATEWAY:
      return `${text(row, 'name')} (hostname ${text(row, 'hostname')})`;
    case ENCAP:
      return `${text(row, 'type')} ${text(row, 'ip')}`;
    case ROUTE:
      return `${text(row, 'ip_prefix')} via ${text(row, 'nexthop')} on ${text(row, 'transit_switch')}`;
    case PORT_BINDING:
      return `${text(row, 'logical_port')} on ${text(row, 'transit_switch')}`;
    default:
      return text(row, 'name') || row.uuid || '';
  }
}

/** The atoms of the reference's column that may hold the uuid: a set's items, or a map's keys or values. */
function referringAtoms(row: Row, ref: ColumnReference): Atom[] {
  const value = row.get(ref.column);
  if (value instanceof OvsdbMap) return value.entries.map(([k, v]) => (ref.position === 'key' ? k : v));
  return [...row.atoms(ref.column)];
}

function uuidIn(atom: Atom, uuids: ReadonlySet<string>): boolean {
  return atom instanceof Uuid && uuids.has(atom.value);
}

function referenced(row: Row, ref: ColumnReference): string[] {
  return referringAtoms(row, ref).flatMap((atom) => (atom instanceof Uuid ? [atom.value] : []));
}

function remainingCount(row: Row, ref: ColumnReference, gone: ReadonlySet<string>): number {
  return referringAtoms(row, ref).filter((atom) => !uuidIn(atom, gone)).length;
}

interface Doomed {
  row: Row;
  action: 'delete' | 'collected';
  via: string;
  /** Deleted by `delete Table where column == zone` rather than by uuid. */
  byZoneColumn?: string;
}

function tableRank(table: string): number {
  const known = TABLE_ORDER.indexOf(table);
  return table === AVAILABILITY_ZONE ? 1000 : known >= 0 ? known : TABLE_ORDER.length;
}

function compareRows(a: PlannedRow, b: PlannedRow): number {
  return (
    tableRank(a.table) - tableRank(b.table) ||
    (a.table < b.table ? -1 : a.table > b.table ? 1 : 0) ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
    (a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0)
  );
}

/**
 * Plans the zone's removal from `rows` (table -> rows, as `zoneSnapshotQuery` reads them; whole
 * tables work as well). Deterministic: the same input gives the same plan.
 */
export function planZoneCleanup(
  schema: DatabaseSchema,
  zone: Zone,
  rows: ReadonlyMap<string, readonly Row[]>,
): ZoneCleanupPlan {
  const refs = strongReferences(schema);
  const doomed = new Map<string, Map<string, Doomed>>([[AVAILABILITY_ZONE, new Map()]]);
  const isDoomed = (table: string, uuid: string) => doomed.get(table)?.has(uuid) === true;
  const doom = (entry: Doomed) => {
    const table = doomed.get(entry.row.table) ?? new Map<string, Doomed>();
    doomed.set(entry.row.table, table);
    if (table.has(entry.row.uuid!)) return false;
    table.set(entry.row.uuid!, entry);
    return true;
  };
  // Unlinks: table/uuid/column -> the row, the reference and the uuids it loses.
  const unlinks = new Map<string, { row: Row; ref: ColumnReference; uuids: Set<string> }>();
  const goneUuids = (table: string) => new Set(doomed.get(table)?.keys() ?? []);

  let changed = true;
  while (changed) {
    changed = false;
    for (const ref of refs) {
      const target = targetOf(schema, ref);
      const gone = target === AVAILABILITY_ZONE ? new Set([zone.uuid]) : goneUuids(target);
      if (gone.size === 0) continue;
      for (const row of rows.get(ref.table) ?? []) {
        if (!row.uuid || isDoomed(ref.table, row.uuid)) continue;
        const hits = referenced(row, ref).filter((uuid) => gone.has(uuid));
        if (hits.length === 0) continue;
        const via = `${ref.table}.${ref.column}`;
        if (remainingCount(row, ref, gone) < ref.type.min) {
          const byZone = target === AVAILABILITY_ZONE && ref.position === 'key' && isScalarType(ref.type);
          const entry: Doomed = { row, action: 'delete', via };
          if (byZone) entry.byZoneColumn = ref.column;
          if (doom(entry)) changed = true;
        } else {
          const key = `${ref.table}/${row.uuid}/${ref.column}`;
          const unlink = unlinks.get(key) ?? { row, ref, uuids: new Set<string>() };
          for (const uuid of hits) unlink.uuids.add(uuid);
          unlinks.set(key, unlink);
        }
      }
    }
    for (const owned of OWNED_CHILDREN) {
      const column = schema.tables.get(owned.table)?.columns.get(owned.column);
      const childTable = column?.type.key.refTable;
      if (!column || !childTable || column.type.key.refType === 'weak') continue;
      const child = schema.tables.get(childTable)!;
      const children = new Map((rows.get(childTable) ?? []).map((row) => [row.uuid!, row]));
      const keptUsers = new Set(
        refs
          .filter((ref) => targetOf(schema, ref) === childTable)
          .flatMap((ref) =>
            (rows.get(ref.table) ?? [])
              .filter((row) => row.uuid && !isDoomed(ref.table, row.uuid))
              .flatMap((row) => referenced(row, ref)),
          ),
      );
      for (const parent of doomed.get(owned.table)?.values() ?? []) {
        for (const uuid of parent.row.uuids(owned.column)) {
          const row = children.get(uuid);
          if (!row || keptUsers.has(uuid)) continue;
          const via = `${owned.table} ${rowLabel(parent.row)}`;
          if (doom({ row, action: child.isRoot ? 'delete' : 'collected', via })) changed = true;
        }
      }
    }
  }

  const planned: PlannedRow[] = [];
  for (const table of doomed.values()) {
    for (const entry of table.values()) {
      planned.push({
        table: entry.row.table,
        uuid: entry.row.uuid!,
        label: rowLabel(entry.row),
        action: entry.action,
        via: entry.via,
      });
    }
  }
  for (const unlink of unlinks.values()) {
    if (isDoomed(unlink.row.table, unlink.row.uuid!)) continue;
    planned.push({
      table: unlink.row.table,
      uuid: unlink.row.uuid!,
      label: rowLabel(unlink.row),
      action: 'unlinked',
      via: `${unlink.row.table}.${unlink.ref.column}`,
    });
  }
  planned.sort(compareRows);
  planned.push({
    table: AVAILABILITY_ZONE,
    uuid: zone.uuid,
    label: zone.name,
    action: 'delete',
    via: 'the zone',
  });

  return { zone, rows: planned, operations: operationsFor(zone, doomed, unlinks, isDoomed) };
}

function operationsFor(
  zone: Zone,
  doomed: ReadonlyMap<string, ReadonlyMap<string, Doomed>>,
  unlinks: ReadonlyMap<string, { row: Row; ref: ColumnReference; uuids: Set<string> }>,
  isDoomed: (table: string, uuid: string) => boolean,
): Operation[] {
  const operations: Operation[] = [
    { op: 'comment', comment: `acpnet interconnect clean: availability zone ${zone.name} (${zone.uuid})` },
  ];
  const tables = [...doomed.keys()].sort(
    (a, b) => tableRank(a) - tableRank(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const table of tables) {
    const entries = [...doomed.get(table)!.values()];
    // Deleting by the reference, not by uuid, also takes a row the zone gained after the rows were read.
    const zoneColumns = new Set(entries.flatMap((entry) => (entry.byZoneColumn ? [entry.byZoneColumn] : [])));
    for (const column of [...zoneColumns].sort()) {
      operations.push({ op: 'delete', table, where: [[column, '==', new Uuid(zone.uuid)]] });
    }
    const byUuids = entries
      .filter((entry) => entry.action === 'delete' && !entry.byZoneColumn)
      .map((entry) => entry.row.uuid!)
      .sort();
    for (const uuid of byUuids) operations.push({ op: 'delete', table, where: [byUuid(uuid)] });
  }
  const pending = [...unlinks.values()]
    .filter((unlink) => !isDoomed(unlink.row.table, unlink.row.uuid!))
    .sort((a, b) => (a.row.uuid! < b.row.uuid! ? -1 : 1));
  for (const { row, ref, uuids } of pending) {
    // A map loses the pairs holding a deleted uuid; a set loses the uuids.
    const value = row.get(ref.column);
    const operand =
      value instanceof OvsdbMap
        ? new OvsdbMap(value.entries.filter(([k, v]) => uuidIn(ref.position === 'key' ? k : v, uuids)))
        : new OvsdbSet([...uuids].sort().map((uuid) => new Uuid(uuid)));
    operations.push({
      op: 'mutate',
      table: row.table,
      where: [byUuid(row.uuid!)],
      mutations: [[ref.column, 'delete', operand]],
    });
  }
  operations.push({ op: 'delete', table: AVAILABILITY_ZONE, where: [byUuid(zone.uuid)] });
  return operations;
}
