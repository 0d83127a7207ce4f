/**
 * The schema a server reports (`get_schema`, RFC 7047 section 3.2), read into types: every column's
 * key and value base types, set bounds and references, every table's root flag and indexes.
 */
import { OvsdbDataError } from './errors.js';

export type AtomicType = 'integer' | 'real' | 'boolean' | 'string' | 'uuid';
const ATOMIC_TYPES: readonly AtomicType[] = ['integer', 'real', 'boolean', 'string', 'uuid'];

export interface BaseType {
  type: AtomicType;
  /** Allowed atoms (the wire form of the enum's set, already unwrapped). */
  enum?: readonly unknown[];
  minInteger?: number;
  maxInteger?: number;
  minReal?: number;
  maxReal?: number;
  minLength?: number;
  maxLength?: number;
  /** For uuid atoms: the table the uuid names, and whether the reference keeps its row alive. */
  refTable?: string;
  refType?: 'strong' | 'weak';
}

export interface ColumnType {
  key: BaseType;
  /** Present for maps. */
  value?: BaseType;
  min: number;
  /** A number, or Infinity for "unlimited". */
  max: number;
}

export interface ColumnSchema {
  name: string;
  type: ColumnType;
  ephemeral: boolean;
  mutable: boolean;
}

export interface TableSchema {
  name: string;
  columns: ReadonlyMap<string, ColumnSchema>;
  /** Rows of a non-root table live only while a strong reference points at them. */
  isRoot: boolean;
  maxRows?: number;
  indexes: readonly (readonly string[])[];
}

export interface DatabaseSchema {
  name: string;
  version: string;
  tables: ReadonlyMap<string, TableSchema>;
}

/** Columns every table has without declaring them. */
const UUID_COLUMN_TYPE: ColumnType = { key: { type: 'uuid' }, min: 1, max: 1 };
export const IMPLICIT_COLUMNS: ReadonlyMap<string, ColumnSchema> = new Map([
  ['_uuid', { name: '_uuid', type: UUID_COLUMN_TYPE, ephemeral: false, mutable: false }],
  ['_version', { name: '_version', type: UUID_COLUMN_TYPE, ephemeral: false, mutable: false }],
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, message: string): never {
  throw new OvsdbDataError(`schema ${path}: ${message}`);
}

function optionalNumber(json: Record<string, unknown>, key: string, path: string): number | undefined {
  const value = json[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number') fail(`${path}.${key}`, `expected a number, got ${JSON.stringify(value)}`);
  return value;
}

function readAtomicType(value: unknown, path: string): AtomicType {
  if (typeof value === 'string' && (ATOMIC_TYPES as readonly string[]).includes(value)) {
    return value as AtomicType;
  }
  return fail(path, `expected one of ${ATOMIC_TYPES.join(', ')}, got ${JSON.stringify(value)}`);
}

function readEnum(value: unknown, path: string): readonly unknown[] {
  // An enum is a set: ["set", [atoms...]], or a single atom.
  if (Array.isArray(value) && value[0] === 'set') {
    if (!Array.isArray(value[1])) fail(path, 'an enum set must list its atoms');
    return value[1];
  }
  return [value];
}

function readBaseType(json: unknown, path: string): BaseType {
  if (typeof json === 'string') return { type: readAtomicType(json, path) };
  if (!isObject(json)) return fail(path, `expected a type name or an object, got ${JSON.stringify(json)}`);
  const base: BaseType = { type: readAtomicType(json.type, `${path}.type`) };
  if (json.enum !== undefined) base.enum = readEnum(json.enum, `${path}.enum`);
  for (const key of ['minInteger', 'maxInteger', 'minReal', 'maxReal', 'minLength', 'maxLength'] as const) {
    const n = optionalNumber(json, key, path);
    if (n !== undefined) base[key] = n;
  }
  if (json.refTable !== undefined) {
    if (typeof json.refTable !== 'string') fail(`${path}.refTable`, 'expected a table name');
    if (base.type !== 'uuid') fail(path, 'only uuid atoms may have a refTable');
    base.refTable = json.refTable;
    const refType = json.refType ?? 'strong';
    if (refType !== 'strong' && refType !== 'weak') fail(`${path}.refType`, 'expected strong or weak');
    base.refType = refType;
  }
  return base;
}

function readColumnType(json: unknown, path: string): ColumnType {
  if (!isObject(json)) return { key: readBaseType(json, path), min: 1, max: 1 };
  if (json.key === undefined) return { key: readBaseType(json, path), min: 1, max: 1 };
  const type: ColumnType = { key: readBaseType(json.key, `${path}.key`), min: 1, max: 1 };
  if (json.value !== undefined) type.value = readBaseType(json.value, `${path}.value`);
  if (json.min !== undefined) {
    if (json.min !== 0 && json.min !== 1) fail(`${path}.min`, 'expected 0 or 1');
    type.min = json.min;
  }
  if (json.max !== undefined) {
    if (json.max === 'unlimited') type.max = Number.POSITIVE_INFINITY;
    else if (typeof json.max === 'number' && Number.isInteger(json.max) && json.max >= 1) type.max = json.max;
    else fail(`${path}.max`, 'expected a positive integer or "unlimited"');
  }
  if (type.min > type.max) fail(path, 'min is greater than max');
  return type;
}

function readTable(
  name: string,
  json: unknown,
  path: string,
): Omit<TableSchema, 'isRoot'> & { root?: boolean } {
  if (!isObject(json)) fail(path, 'expected an object');
  if (!isObject(json.columns)) fail(`${path}.columns`, 'expected an object');
  const columns = new Map<string, ColumnSchema>();
  for (const [column, columnJson] of Object.entries(json.columns)) {
    const columnPath = `${path}.columns.${column}`;
    if (!isObject(columnJson)) fail(columnPath, 'expected an object');
    columns.set(column, {
      name: column,
      type: readColumnType(columnJson.type, `${columnPath}.type`),
      ephemeral: columnJson.ephemeral === true,
      mutable: columnJson.mutable !== false,
    });
  }
  const indexes = json.indexes ?? [];
  if (
    !Array.isArray(indexes) ||
    !indexes.every((i) => Array.isArray(i) && i.every((c) => typeof c === 'string'))
  ) {
    fail(`${path}.indexes`, 'expected lists of column names');
  }
  const table: Omit<TableSchema, 'isRoot'> & { root?: boolean } = {
    name,
    columns,
    indexes: indexes as string[][],
  };
  if (typeof json.isRoot === 'boolean') table.root = json.isRoot;
  const maxRows = optionalNumber(json, 'maxRows', path);
  if (maxRows !== undefined) table.maxRows = maxRows;
  return table;
}

/** Reads a `get_schema` result. Throws OvsdbDataError naming the part that is not a schema. */
export function parseSchema(json: unknown): DatabaseSchema {
  if (!isObject(json)) fail('', 'expected an object');
  if (typeof json.name !== 'string') fail('name', 'expected a string');
  if (!isObject(json.tables)) fail('tables', 'expected an object');
  const read = Object.entries(json.tables).map(([name, table]) => readTable(name, table, `tables.${name}`));
  // RFC 7047: a schema where no table says isRoot: true predates the flag, and every table is root.
  const anyRoot = read.some((table) => table.root === true);
  const tables = new Map<string, TableSchema>();
  for (const { root, ...table } of read)
    tables.set(table.name, { ...table, isRoot: anyRoot ? root === true : true });
  for (const table of tables.values()) {
    for (const column of table.columns.values()) {
      for (const base of [column.type.key, column.type.value]) {
        if (base?.refTable !== undefined && !tables.has(base.refTable)) {
          fail(`tables.${table.name}.columns.${column.name}`, `refers to unknown table ${base.refTable}`);
        }
      }
    }
  }
  return { name: json.name, version: typeof json.version === 'string' ? json.version : '', tables };
}

export function tableOf(schema: DatabaseSchema, table: string): TableSchema {
  const found = schema.tables.get(table);
  if (!found) throw new OvsdbDataError(`${schema.name} has no table ${table}`);
  return found;
}

export function columnOf(table: TableSchema, column: string): ColumnSchema {
  const found = table.columns.get(column) ?? IMPLICIT_COLUMNS.get(column);
  if (!found) throw new OvsdbDataError(`table ${table.name} has no column ${column}`);
  return found;
}

export function isMapType(type: ColumnType): boolean {
  return type.value !== undefined;
}

/** A column holding exactly one atom (not a set, not a map). */
export function isScalarType(type: ColumnType): boolean {
  return type.value === undefined && type.min === 1 && type.max === 1;
}

export interface ColumnReference {
  /** The table and column holding the reference. */
  table: string;
  column: string;
  /** Whether the uuid is the map's key or value (always key for sets and scalars). */
  position: 'key' | 'value';
  refType: 'strong' | 'weak';
  type: ColumnType;
}

/** Every column of the schema that refers to rows of `target`, in schema order. */
export function referencesTo(schema: DatabaseSchema, target: string): ColumnReference[] {
  const found: ColumnReference[] = [];
  for (const table of schema.tables.values()) {
    for (const column of table.columns.values()) {
      for (const position of ['key', 'value'] as const) {
        const base = column.type[position];
        if (base?.refTable === target) {
          found.push({
            table: table.name,
            column: column.name,
            position,
            refType: base.refType ?? 'strong',
            type: column.type,
          });
        }
      }
    }
  }
  return found;
}
