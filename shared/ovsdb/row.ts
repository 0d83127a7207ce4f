/** A row read through its table's schema, with accessors that say what a column must hold. */
import { type Atom, type Datum, decodeDatum, OvsdbMap, OvsdbSet, Uuid } from './datum.js';
import { OvsdbDataError } from './errors.js';
import { columnOf, type TableSchema } from './schema.js';

export class Row {
  constructor(
    readonly table: string,
    /** Undefined only for a partial row that did not select `_uuid`. */
    readonly uuid: string | undefined,
    readonly values: ReadonlyMap<string, Datum>,
  ) {}

  get(column: string): Datum | undefined {
    return this.values.get(column);
  }

  private where(column: string): string {
    return `${this.table}${this.uuid ? ` ${this.uuid}` : ''} column ${column}`;
  }

  private required(column: string): Datum {
    const value = this.values.get(column);
    if (value === undefined) throw new OvsdbDataError(`${this.where(column)}: not in the row`);
    return value;
  }

  string(column: string): string {
    const value = this.required(column);
    if (typeof value !== 'string') throw new OvsdbDataError(`${this.where(column)}: not a string`);
    return value;
  }

  integer(column: string): number {
    const value = this.required(column);
    if (typeof value !== 'number') throw new OvsdbDataError(`${this.where(column)}: not a number`);
    return value;
  }

  /** The atoms of a set column (a scalar reads as a one-element list; an absent column as empty). */
  atoms(column: string): readonly Atom[] {
    const value = this.values.get(column);
    if (value === undefined) return [];
    if (value instanceof OvsdbMap) throw new OvsdbDataError(`${this.where(column)}: a map, not a set`);
    return value instanceof OvsdbSet ? value.items : [value];
  }

  /** The uuids a reference column (scalar, optional or set) holds. */
  uuids(column: string): string[] {
    return this.atoms(column).map((atom) => {
      if (!(atom instanceof Uuid)) throw new OvsdbDataError(`${this.where(column)}: not a uuid`);
      return atom.value;
    });
  }

  /** The single uuid of a reference column, or undefined when it is empty. */
  uuidRef(column: string): string | undefined {
    return this.uuids(column)[0];
  }

  /** A string-to-string map column as a record (absent: empty). */
  stringMap(column: string): Record<string, string> {
    const value = this.values.get(column);
    if (value === undefined) return {};
    if (!(value instanceof OvsdbMap)) throw new OvsdbDataError(`${this.where(column)}: not a map`);
    const out: Record<string, string> = {};
    for (const [k, v] of value.entries) {
      if (typeof k !== 'string' || typeof v !== 'string') {
        throw new OvsdbDataError(`${this.where(column)}: not a string map`);
      }
      out[k] = v;
    }
    return out;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a row (a select result, or one side of a monitor update) through the table's schema. Only
 * the columns present are read; a column the schema lacks or a value of the wrong type throws.
 */
export function decodeRow(table: TableSchema, json: unknown, uuid?: string): Row {
  if (!isObject(json)) throw new OvsdbDataError(`${table.name}: a row must be an object`);
  const values = new Map<string, Datum>();
  for (const [name, value] of Object.entries(json)) {
    const column = columnOf(table, name);
    values.set(name, decodeDatum(column.type, value, `${table.name} column ${name}`));
  }
  const own = values.get('_uuid');
  return new Row(table.name, own instanceof Uuid ? own.value : uuid, values);
}
