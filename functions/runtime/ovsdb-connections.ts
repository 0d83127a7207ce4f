/**
 * The OVSDB connections of a functions process: one client per remote, opened on first use and
 * again after it closed. Planners read through `reader` (selects only); the applier runs an
 * `ovsdb` effect's transaction through `transact`.
 */
import { type OperationResult, OvsdbClient, type OvsdbClientOptions } from '../../shared/ovsdb/client.js';
import { OvsdbDataError } from '../../shared/ovsdb/errors.js';
import type { Operation } from '../../shared/ovsdb/operations.js';
import type { TlsFiles } from '../../shared/ovsdb/remote.js';
import type { OvsdbReader } from './contract.js';

export interface OvsdbConnectionOptions {
  /** For ssl: remotes. */
  tls?: TlsFiles;
  /** Limit for connecting and for each request (default 30 s). */
  timeoutMs?: number;
}

/** Operations a planner may send: they read, or wait for what they read. */
const READING: ReadonlySet<Operation['op']> = new Set(['select', 'comment', 'wait']);

export class OvsdbConnections {
  private readonly clients = new Map<string, Promise<OvsdbClient>>();

  constructor(private readonly options: OvsdbConnectionOptions = {}) {}

  /** The open client of `remote`, connecting when there is none (or it closed). */
  async client(remote: string): Promise<OvsdbClient> {
    const existing = this.clients.get(remote);
    if (existing) {
      const client = await existing.catch(() => undefined);
      if (client?.isOpen) return client;
      if (this.clients.get(remote) === existing) this.clients.delete(remote);
    }
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const options: OvsdbClientOptions = { connectTimeoutMs: timeoutMs, requestTimeoutMs: timeoutMs };
    if (this.options.tls) options.tls = this.options.tls;
    const connecting = this.clients.get(remote) ?? OvsdbClient.connect(remote, options);
    this.clients.set(remote, connecting);
    connecting.catch(() => {
      if (this.clients.get(remote) === connecting) this.clients.delete(remote);
    });
    return connecting;
  }

  async reader(remote: string): Promise<OvsdbReader> {
    const client = await this.client(remote);
    return {
      address: client.address,
      getSchema: (database) => client.getSchema(database),
      transact: (database, operations) => {
        const writing = operations.find((operation) => !READING.has(operation.op));
        if (writing) {
          return Promise.reject(
            new OvsdbDataError(`a planner may only read: ${writing.op} refused before it was sent`),
          );
        }
        return client.transact(database, operations);
      },
    };
  }

  async transact(
    remote: string,
    database: string,
    operations: readonly Operation[],
  ): Promise<OperationResult[]> {
    return (await this.client(remote)).transact(database, operations);
  }

  close(): void {
    for (const connecting of this.clients.values())
      void connecting.then(
        (client) => client.close(),
        () => {},
      );
    this.clients.clear();
  }
}
