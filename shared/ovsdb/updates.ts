/**
 * Monitor updates read through the schema: `monitor`'s table-updates (RFC 7047 section 4.1.6, rows as
 * `old`/`new`) and `monitor_cond`'s table-updates2 (OVSDB's extension: `initial`, `insert`,
 * `delete`, `modify` with a diff) become one list of row changes.
 */
import { OvsdbDataError } from './errors.js';
import { decodeRow, type Row } from './row.js';
import { type DatabaseSchema, tableOf } from './schema.js';

export type RowChangeKind = 'initial' | 'insert' | 'delete' | 'modify';

export interface RowChange {
  table: string;
  uuid: string;
  kind: RowChangeKind;
  /** The row before the change (monitor: the changed columns' old values; delete: the row). */
  old?: Row;
  /** The row after the change (monitor: the whole monitored row). */
  new?: Row;
  /**
   * monitor_cond's modify: the changed columns, as a diff. A set column lists the elements added or
   * removed, a map column the pairs added, removed or changed, other columns their new value.
   */
  diff?: Row;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function eachRowUpdate(
  schema: DatabaseSchema,
  json: unknown,
  visit: (table: string, uuid: string, update: Record<string, unknown>) => void,
): void {
  if (!isObject(json)) throw new OvsdbDataError('table updates must be an object');
  for (const [table, rows] of Object.entries(json)) {
    tableOf(schema, table);
    if (!isObject(rows)) throw new OvsdbDataError(`updates of ${table} must be an object`);
    for (const [uuid, update] of Object.entries(rows)) {
      if (!isObject(update)) throw new OvsdbDataError(`update of ${table} ${uuid} must be an object`);
      visit(table, uuid, update);
    }
  }
}

/** `monitor` table-updates; `initial` marks the monitor's reply (its rows are the existing ones). */
export function decodeTableUpdates(schema: DatabaseSchema, json: unknown, initial: boolean): RowChange[] {
  const changes: RowChange[] = [];
  eachRowUpdate(schema, json, (table, uuid, update) => {
    const tableSchema = tableOf(schema, table);
    const old = update.old === undefined ? undefined : decodeRow(tableSchema, update.old, uuid);
    const next = update.new === undefined ? undefined : decodeRow(tableSchema, update.new, uuid);
    const kind: RowChangeKind = initial ? 'initial' : !old ? 'insert' : !next ? 'delete' : 'modify';
    const change: RowChange = { table, uuid, kind };
    if (old) change.old = old;
    if (next) change.new = next;
    changes.push(change);
  });
  return changes;
}

const KINDS2: readonly RowChangeKind[] = ['initial', 'insert', 'delete', 'modify'];

/** `monitor_cond` table-updates2. */
export function decodeTableUpdates2(schema: DatabaseSchema, json: unknown): RowChange[] {
  const changes: RowChange[] = [];
  eachRowUpdate(schema, json, (table, uuid, update) => {
    const tableSchema = tableOf(schema, table);
    const kind = KINDS2.find((k) => k in update);
    if (!kind) throw new OvsdbDataError(`update of ${table} ${uuid} has none of ${KINDS2.join(', ')}`);
    const row = update[kind] === null ? {} : update[kind];
    const decoded = decodeRow(tableSchema, row, uuid);
    const change: RowChange = { table, uuid, kind };
    if (kind === 'delete') change.old = decoded;
    else if (kind === 'modify') change.diff = decoded;
    else change.new = decoded;
    changes.push(change);
  });
  return changes;
}
