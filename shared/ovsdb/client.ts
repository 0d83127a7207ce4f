/**
 * An OVSDB client (RFC 7047) over one connection: list_dbs, get_schema, transact, monitor,
 * monitor_cond, monitor_cancel, echo and cancel. Operations are checked against the database's
 * schema (fetched once per database) and select results and monitor updates come back as typed rows.
 */
import { OvsdbDataError, type OvsdbError, OvsdbTransactionError } from './errors.js';
import { type Condition, encodeConditions, encodeOperations, type Operation } from './operations.js';
import { type ConnectOptions, connectRemotes, parseRemotes, type Remote } from './remote.js';
import { decodeRow, type Row } from './row.js';
import { type RequestOptions, RpcSession, type RpcSessionOptions } from './rpc-session.js';
import { columnOf, type DatabaseSchema, parseSchema, tableOf } from './schema.js';
import { decodeTableUpdates, decodeTableUpdates2, type RowChange } from './updates.js';

export type OvsdbClientOptions = ConnectOptions & Omit<RpcSessionOptions, 'address'>;

export interface OperationResult {
  /** insert: the new row's uuid. */
  uuid?: string;
  /** update, mutate, delete: the number of rows matched. */
  count?: number;
  /** select: the rows, typed by the table's schema. */
  rows?: Row[];
}

export interface MonitorRequest {
  columns?: readonly string[];
  select?: { initial?: boolean; insert?: boolean; delete?: boolean; modify?: boolean };
}

export interface MonitorCondRequest extends MonitorRequest {
  /** Rows to follow; absent follows every row. */
  where?: readonly Condition[];
}

export interface Monitor {
  id: string;
  /** The rows that matched when the monitor started. */
  initial: RowChange[];
  /** monitor_cancel: no further updates are delivered. */
  cancel(): Promise<void>;
}

export type ChangeHandler = (changes: RowChange[]) => void;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class OvsdbClient {
  private readonly schemas = new Map<string, Promise<DatabaseSchema>>();
  private readonly monitors = new Map<string, (method: string, updates: unknown) => void>();
  private nextMonitor = 1;

  private constructor(
    private readonly session: RpcSession,
    /** The remote this client is connected to. */
    readonly remote: Remote,
  ) {
    session.onNotification((method, params) => {
      if (
        (method === 'update' || method === 'update2') &&
        params.length >= 2 &&
        typeof params[0] === 'string'
      ) {
        this.monitors.get(params[0])?.(method, params[1]);
      }
    });
  }

  /** Connects to the first of the remotes (`tcp:HOST:PORT[,...]`, `ssl:...`, `unix:PATH`) that answers. */
  static async connect(
    remotes: string | readonly Remote[],
    options: OvsdbClientOptions = {},
  ): Promise<OvsdbClient> {
    const list = typeof remotes === 'string' ? parseRemotes(remotes) : remotes;
    const { socket, remote } = await connectRemotes(list, options);
    const session = new RpcSession(socket, { ...options, address: remote.text });
    return new OvsdbClient(session, remote);
  }

  get address(): string {
    return this.remote.text;
  }

  get isOpen(): boolean {
    return this.session.isOpen;
  }

  /** Settles when the connection ends, with the reason. */
  get closed(): Promise<OvsdbError> {
    return this.session.closed;
  }

  close(): void {
    this.session.close();
  }

  async echo(options?: RequestOptions): Promise<void> {
    await this.session.request('echo', [], options);
  }

  async listDbs(options?: RequestOptions): Promise<string[]> {
    const result = await this.session.request('list_dbs', [], options);
    if (!Array.isArray(result) || !result.every((name) => typeof name === 'string')) {
      throw new OvsdbDataError(`list_dbs on ${this.address}: the reply is not a list of names`);
    }
    return result;
  }

  /** The database's schema, fetched once per client. */
  getSchema(database: string, options?: RequestOptions): Promise<DatabaseSchema> {
    let schema = this.schemas.get(database);
    if (!schema) {
      schema = this.session.request('get_schema', [database], options).then(parseSchema);
      schema.catch(() => this.schemas.delete(database));
      this.schemas.set(database, schema);
    }
    return schema;
  }

  /**
   * Runs operations as one transaction. A refused transaction throws OvsdbTransactionError naming
   * the operation that failed (or `commit`, for failures found when committing, such as a
   * referential integrity violation). Aborting `signal` cancels a transaction still waiting.
   */
  async transact(
    database: string,
    operations: readonly Operation[],
    options?: RequestOptions,
  ): Promise<OperationResult[]> {
    const schema = await this.getSchema(database, options);
    const encoded = encodeOperations(operations, schema);
    const results = await this.session.request('transact', [database, ...encoded], options);
    if (!Array.isArray(results)) {
      throw new OvsdbDataError(`transact on ${this.address}: the reply is not a list of results`);
    }
    results.forEach((result, index) => {
      if (isObject(result) && typeof result.error === 'string') {
        const op = index < operations.length ? operations[index]!.op : 'commit';
        const details = typeof result.details === 'string' ? result.details : undefined;
        throw new OvsdbTransactionError(database, index, op, result.error, details, this.address);
      }
    });
    return operations.map((operation, index) => this.readResult(schema, operation, results[index]));
  }

  private readResult(schema: DatabaseSchema, operation: Operation, result: unknown): OperationResult {
    if (!isObject(result)) return {};
    const out: OperationResult = {};
    if (typeof result.count === 'number') out.count = result.count;
    if (Array.isArray(result.uuid) && typeof result.uuid[1] === 'string') out.uuid = result.uuid[1];
    if (Array.isArray(result.rows) && 'table' in operation) {
      const table = tableOf(schema, operation.table);
      out.rows = result.rows.map((row) => decodeRow(table, row));
    }
    return out;
  }

  /** RFC 7047 `monitor`: the current rows, then every change through `onChange`. */
  monitor(
    database: string,
    requests: Record<string, MonitorRequest>,
    onChange: ChangeHandler,
  ): Promise<Monitor> {
    return this.startMonitor('monitor', database, requests, onChange, (schema, table, request) =>
      monitorRequestJson(schema, table, request),
    );
  }

  /** OVSDB's `monitor_cond`: like monitor, for the rows matching each table's conditions, with diffs. */
  monitorCond(
    database: string,
    requests: Record<string, MonitorCondRequest>,
    onChange: ChangeHandler,
  ): Promise<Monitor> {
    return this.startMonitor('monitor_cond', database, requests, onChange, (schema, table, request) => {
      const json = monitorRequestJson(schema, table, request);
      if (request.where)
        json.where = encodeConditions(request.where, tableOf(schema, table), `monitor of ${table}`);
      return [json];
    });
  }

  private async startMonitor<R extends MonitorRequest>(
    method: 'monitor' | 'monitor_cond',
    database: string,
    requests: Record<string, R>,
    onChange: ChangeHandler,
    encode: (schema: DatabaseSchema, table: string, request: R) => unknown,
  ): Promise<Monitor> {
    const schema = await this.getSchema(database);
    const id = `acpnet-${method}-${this.nextMonitor++}`;
    const encoded: Record<string, unknown> = {};
    for (const [table, request] of Object.entries(requests)) encoded[table] = encode(schema, table, request);
    const decode = (kind: string, updates: unknown, initial: boolean) =>
      kind === 'update2'
        ? decodeTableUpdates2(schema, updates)
        : decodeTableUpdates(schema, updates, initial);
    this.monitors.set(id, (kind, updates) => onChange(decode(kind, updates, false)));
    let result: unknown;
    try {
      result = await this.session.request(method, [database, id, encoded]);
    } catch (error) {
      this.monitors.delete(id);
      throw error;
    }
    const initial = decode(method === 'monitor_cond' ? 'update2' : 'update', result, true);
    return {
      id,
      initial,
      cancel: async () => {
        this.monitors.delete(id);
        await this.session.request('monitor_cancel', [id]);
      },
    };
  }
}

function monitorRequestJson(
  schema: DatabaseSchema,
  table: string,
  request: MonitorRequest,
): Record<string, unknown> {
  const tableSchema = tableOf(schema, table);
  const json: Record<string, unknown> = {};
  if (request.columns) {
    for (const column of request.columns) columnOf(tableSchema, column);
    json.columns = [...request.columns];
  }
  if (request.select) json.select = { ...request.select };
  return json;
}
