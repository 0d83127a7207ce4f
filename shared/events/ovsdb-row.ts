/**
 * CloudEvents of OVSDB row changes, as `acpnet ovsdb-bridge` publishes them from a monitor:
 *
 * - type `io.acpnet.ovsdb.row.changed`; source the bridge (`acpnet://ovsdb-bridge` by default);
 *   subject `<table>/<uuid>`; id `<uuid>/<_version>/<change>` (the same change published again
 *   keeps its id, so consumers skip it as a duplicate);
 * - extensions `database`, `table`, `partitionkey` (`<database>/<table>/<uuid>`: the changes of one
 *   row share a Kafka partition) and `sequence` (decimal digits, growing with every change the
 *   bridge sees: the order of a row's changes, as a resourceVersion orders an object's);
 * - data `{database, table, uuid, change, old?, new?}`: `change` is insert, modify or delete; `new`
 *   is the row after an insert or modify, `old` the row a delete removed (and, for a modify, the
 *   old values of the changed columns), in RFC 7047 JSON (`["uuid", ...]`, `["set", [...]]`,
 *   `["map", [...]]`), with the columns the bridge monitors and `_version`.
 */
import { CloudEvent } from 'cloudevents';
import type { EventAttributes } from './attributes.js';
import { EventFormatError } from './errors.js';

export const OVSDB_ROW_CHANGED = 'io.acpnet.ovsdb.row.changed';

export type RowEventChange = 'insert' | 'modify' | 'delete';

/** A row in RFC 7047 JSON: column name -> value as the server sends it. */
export type WireRow = Readonly<Record<string, unknown>>;

export interface RowChange {
  database: string;
  table: string;
  uuid: string;
  change: RowEventChange;
  old?: WireRow;
  new?: WireRow;
}

export interface RowChangeEvent extends RowChange {
  id: string;
  source: string;
  time?: string;
  /** The bridge's order of changes; absent when the event has none. */
  sequence?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CHANGES: readonly RowEventChange[] = ['insert', 'modify', 'delete'];

/** `<database>/<table>/<uuid>`: a row's identity, its events' partition key. */
export function rowKey(row: Pick<RowChange, 'database' | 'table' | 'uuid'>): string {
  return `${row.database}/${row.table}/${row.uuid}`;
}

/** The `_version` uuid of a wire row, when it carries one. */
function versionOf(row: WireRow | undefined): string | undefined {
  const version = row?._version;
  return Array.isArray(version) && version[0] === 'uuid' && typeof version[1] === 'string'
    ? version[1]
    : undefined;
}

export interface RowEventOptions {
  source: string;
  sequence: string;
  time?: string;
}

/** The CloudEvent of one row change. */
export function buildRowEvent(change: RowChange, options: RowEventOptions): CloudEvent<unknown> {
  const version = versionOf(change.change === 'delete' ? change.old : change.new) ?? options.sequence;
  const data: Record<string, unknown> = {
    database: change.database,
    table: change.table,
    uuid: change.uuid,
    change: change.change,
  };
  if (change.old) data.old = change.old;
  if (change.new) data.new = change.new;
  return new CloudEvent<unknown>({
    specversion: '1.0',
    id: `${change.uuid}/${version}/${change.change}`,
    source: options.source,
    type: OVSDB_ROW_CHANGED,
    subject: `${change.table}/${change.uuid}`,
    time: options.time ?? new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
    database: change.database,
    table: change.table,
    partitionkey: rowKey(change),
    sequence: options.sequence,
  });
}

function dataObject(event: EventAttributes): Record<string, unknown> {
  let data: unknown = event.data;
  if (typeof data === 'string' || data instanceof Uint8Array) {
    try {
      data = JSON.parse(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
    } catch {
      throw new EventFormatError('data is not JSON', 'data');
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new EventFormatError('must be an object {database, table, uuid, change, old?, new?}', 'data');
  }
  return data as Record<string, unknown>;
}

function requireMatch(value: unknown, pattern: RegExp, field: string, what: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new EventFormatError(`must be ${what}, got ${JSON.stringify(value)}`, field);
  }
  return value;
}

function optionalRow(value: unknown, field: string): WireRow | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new EventFormatError('must be a row object', field);
  return value as WireRow;
}

function extension(event: EventAttributes, name: string): string | undefined {
  const value: unknown = Reflect.get(event, name);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function agree(event: EventAttributes, name: string, value: string): void {
  const actual = extension(event, name);
  if (actual !== undefined && actual !== value) {
    throw new EventFormatError(`is ${JSON.stringify(actual)} but data says ${JSON.stringify(value)}`, name);
  }
}

/** Decodes an `io.acpnet.ovsdb.row.changed` event; anything malformed is an EventFormatError naming the field. */
export function decodeRowEvent(event: EventAttributes): RowChangeEvent {
  if (event.type !== OVSDB_ROW_CHANGED) {
    throw new EventFormatError(`is ${JSON.stringify(event.type)}, not ${OVSDB_ROW_CHANGED}`, 'type');
  }
  const data = dataObject(event);
  const database = requireMatch(data.database, NAME, 'data.database', 'a database name');
  const table = requireMatch(data.table, NAME, 'data.table', 'a table name');
  const uuid = requireMatch(data.uuid, UUID, 'data.uuid', 'a row uuid');
  if (!CHANGES.includes(data.change as RowEventChange)) {
    throw new EventFormatError(
      `must be one of ${CHANGES.join(', ')}, got ${JSON.stringify(data.change)}`,
      'data.change',
    );
  }
  const change = data.change as RowEventChange;
  const old = optionalRow(data.old, 'data.old');
  const next = optionalRow(data.new, 'data.new');
  if (change === 'delete' && !old)
    throw new EventFormatError('a delete needs the row it removed', 'data.old');
  if (change !== 'delete' && !next) throw new EventFormatError(`an ${change} needs the row`, 'data.new');
  agree(event, 'database', database);
  agree(event, 'table', table);
  if (event.subject !== undefined && event.subject !== `${table}/${uuid}`) {
    throw new EventFormatError(`${JSON.stringify(event.subject)} is not ${table}/${uuid}`, 'subject');
  }
  const sequence = extension(event, 'sequence');
  if (sequence !== undefined && !/^\d{1,30}$/.test(sequence)) {
    throw new EventFormatError(`must be decimal digits, got ${JSON.stringify(sequence)}`, 'sequence');
  }
  const out: RowChangeEvent = { id: event.id, source: event.source, database, table, uuid, change };
  if (event.time) out.time = event.time;
  if (sequence !== undefined) out.sequence = sequence;
  if (old) out.old = old;
  if (next) out.new = next;
  return out;
}

/** A string column of a wire row; a missing or other value is an EventFormatError naming `field`. */
export function wireString(row: WireRow, column: string, field: string): string {
  const value = row[column];
  if (typeof value !== 'string') {
    throw new EventFormatError(
      `must be a string, got ${JSON.stringify(value) ?? 'nothing'}`,
      `${field}.${column}`,
    );
  }
  return value;
}

/**
 * The uuid a reference column holds (`["uuid", U]`, or a one-element `["set", [["uuid", U]]]`),
 * undefined for an empty set; anything else is an EventFormatError naming `field`.
 */
export function wireUuid(row: WireRow, column: string, field: string): string | undefined {
  let value = row[column];
  if (Array.isArray(value) && value[0] === 'set' && Array.isArray(value[1]) && value[1].length <= 1) {
    value = value[1][0];
    if (value === undefined) return undefined;
  }
  if (Array.isArray(value) && value[0] === 'uuid' && typeof value[1] === 'string' && UUID.test(value[1])) {
    return value[1];
  }
  throw new EventFormatError(
    `must be a uuid reference, got ${JSON.stringify(value) ?? 'nothing'}`,
    `${field}.${column}`,
  );
}
