/**
 * Transaction operations (RFC 7047 section 5.2) and where-clause conditions, and their JSON form.
 * With the database's schema at hand, `encodeOperations` also checks tables, columns and values,
 * so a mistake is named before the transaction leaves.
 */
import { checkDatum, type Datum, encodeDatum, NamedUuid, OvsdbMap, Uuid } from './datum.js';
import { OvsdbDataError } from './errors.js';
import { columnOf, type DatabaseSchema, isMapType, type TableSchema, tableOf } from './schema.js';

export type ConditionFunction = '<' | '<=' | '==' | '!=' | '>=' | '>' | 'includes' | 'excludes';
export type Condition = readonly [column: string, fn: ConditionFunction, value: Datum];

export type Mutator = '+=' | '-=' | '*=' | '/=' | '%=' | 'insert' | 'delete';
export type Mutation = readonly [column: string, mutator: Mutator, value: Datum];

export type Row = Readonly<Record<string, Datum>>;

export type Operation =
  | { op: 'insert'; table: string; row: Row; uuidName?: string }
  | { op: 'select'; table: string; where: readonly Condition[]; columns?: readonly string[] }
  | { op: 'update'; table: string; where: readonly Condition[]; row: Row }
  | { op: 'mutate'; table: string; where: readonly Condition[]; mutations: readonly Mutation[] }
  | { op: 'delete'; table: string; where: readonly Condition[] }
  | {
      op: 'wait';
      table: string;
      where: readonly Condition[];
      columns: readonly string[];
      until: '==' | '!=';
      rows: readonly Row[];
      /** Milliseconds; 0 fails at once when the condition does not hold, absent waits without limit. */
      timeout?: number;
    }
  | { op: 'commit'; durable: boolean }
  | { op: 'abort' }
  | { op: 'comment'; comment: string }
  | { op: 'assert'; lock: string };

/** A condition matching one row by identity. */
export function byUuid(uuid: string): Condition {
  return ['_uuid', '==', new Uuid(uuid)];
}

function encodeRow(row: Row, table: TableSchema | undefined, where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    if (table) {
      if (name.startsWith('_')) throw new OvsdbDataError(`${where}: column ${name} cannot be written`);
      checkDatum(columnOf(table, name).type, value, `${where} column ${name}`);
    }
    out[name] = encodeDatum(value);
  }
  return out;
}

/** The JSON form of a where-clause; `table`, when given, checks its columns and operands. */
export function encodeConditions(
  conditions: readonly Condition[],
  table: TableSchema | undefined,
  where: string,
): unknown[] {
  return conditions.map(([column, fn, value]) => {
    if (table) {
      // Only == and != compare whole values; includes/excludes name a part of one.
      checkDatum(
        columnOf(table, column).type,
        value,
        `${where} condition on ${column}`,
        fn === '==' || fn === '!=',
      );
    }
    return [column, fn, encodeDatum(value)];
  });
}

function encodeMutations(
  mutations: readonly Mutation[],
  table: TableSchema | undefined,
  where: string,
): unknown[] {
  return mutations.map(([column, mutator, value]) => {
    if (table) {
      const schema = columnOf(table, column);
      if (!schema.mutable || column.startsWith('_')) {
        throw new OvsdbDataError(`${where}: column ${column} is not mutable`);
      }
      // A map's delete may name keys (a set of key atoms); everything else is typed like the column.
      const keysOnly = isMapType(schema.type) && mutator === 'delete' && !(value instanceof OvsdbMap);
      if (!keysOnly) checkDatum(schema.type, value, `${where} mutation of ${column}`, false);
    }
    return [column, mutator, encodeDatum(value)];
  });
}

function checkColumns(columns: readonly string[], table: TableSchema | undefined): void {
  if (table) for (const column of columns) columnOf(table, column);
}

/** The JSON form of one operation; `schema`, when given, checks it. */
export function encodeOperation(
  operation: Operation,
  schema?: DatabaseSchema,
  index = 0,
): Record<string, unknown> {
  const where = `operation ${index} (${operation.op}${'table' in operation ? ` ${operation.table}` : ''})`;
  const table = schema && 'table' in operation ? tableOf(schema, operation.table) : undefined;
  switch (operation.op) {
    case 'insert': {
      const out: Record<string, unknown> = {
        op: 'insert',
        table: operation.table,
        row: encodeRow(operation.row, table, where),
      };
      if (operation.uuidName !== undefined) out['uuid-name'] = new NamedUuid(operation.uuidName).name;
      return out;
    }
    case 'select': {
      const out: Record<string, unknown> = {
        op: 'select',
        table: operation.table,
        where: encodeConditions(operation.where, table, where),
      };
      if (operation.columns) {
        checkColumns(operation.columns, table);
        out.columns = [...operation.columns];
      }
      return out;
    }
    case 'update':
      return {
        op: 'update',
        table: operation.table,
        where: encodeConditions(operation.where, table, where),
        row: encodeRow(operation.row, table, where),
      };
    case 'mutate':
      return {
        op: 'mutate',
        table: operation.table,
        where: encodeConditions(operation.where, table, where),
        mutations: encodeMutations(operation.mutations, table, where),
      };
    case 'delete':
      return { op: 'delete', table: operation.table, where: encodeConditions(operation.where, table, where) };
    case 'wait': {
      checkColumns(operation.columns, table);
      const out: Record<string, unknown> = {
        op: 'wait',
        table: operation.table,
        where: encodeConditions(operation.where, table, where),
        columns: [...operation.columns],
        until: operation.until,
        rows: operation.rows.map((row) => {
          const encoded: Record<string, unknown> = {};
          for (const [name, value] of Object.entries(row)) encoded[name] = encodeDatum(value);
          return encoded;
        }),
      };
      if (operation.timeout !== undefined) out.timeout = operation.timeout;
      return out;
    }
    case 'commit':
      return { op: 'commit', durable: operation.durable };
    case 'abort':
      return { op: 'abort' };
    case 'comment':
      return { op: 'comment', comment: operation.comment };
    case 'assert':
      return { op: 'assert', lock: operation.lock };
  }
}

export function encodeOperations(operations: readonly Operation[], schema?: DatabaseSchema): unknown[] {
  return operations.map((operation, index) => encodeOperation(operation, schema, index));
}
