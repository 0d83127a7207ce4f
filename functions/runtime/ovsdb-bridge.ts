/**
 * An event source beside the API server's: monitors OVSDB tables (RFC 7047 `monitor`) and publishes
 * each row change as an `io.acpnet.ovsdb.row.changed` CloudEvent. On every (re)connection it
 * compares the monitor's rows with what consumers were told last (read back from the topic, then
 * kept in memory) and publishes the difference: rows new or changed (by `_version`), and rows gone.
 */
import type { CloudEvent } from 'cloudevents';
import { buildRowEvent, type RowChange, rowKey, type WireRow } from '../../shared/events/ovsdb-row.js';
import { OvsdbClient, type OvsdbClientOptions } from '../../shared/ovsdb/client.js';
import { encodeDatum } from '../../shared/ovsdb/datum.js';
import type { Row } from '../../shared/ovsdb/row.js';
import type { RowChange as MonitoredChange } from '../../shared/ovsdb/updates.js';
import type { RowSubscription } from './contract.js';
import type { Logger } from './logger.js';
import type { PublishedRow, RowPublisher } from './row-publishers.js';

export interface OvsdbBridgeOptions {
  remote: string;
  subscriptions: readonly RowSubscription[];
  publisher: RowPublisher;
  /** CloudEvents `source` of the events. */
  source: string;
  logger: Logger;
  client?: OvsdbClientOptions;
  /** Reconnection backoff: doubles from `initialMs` up to `maxMs`. */
  backoff?: { initialMs: number; maxMs: number };
  /** Microseconds since the epoch, for the events' sequence (default: the wall clock). */
  clock?: () => number;
}

export interface OvsdbBridge {
  /** Resolves once the first connection's rows were compared and the difference published. */
  readonly synced: Promise<void>;
  /** Events published since start. */
  published(): number;
  stop(): Promise<void>;
}

function wireRow(row: Row | undefined): WireRow | undefined {
  if (!row) return undefined;
  return Object.fromEntries([...row.values].map(([column, value]) => [column, encodeDatum(value)]));
}

function versionOf(row: WireRow): string {
  return JSON.stringify(row._version ?? null);
}

/** Growing sequence numbers: the clock's microseconds, or one more than the last when the clock lags. */
function sequencer(clock: () => number): () => string {
  let last = 0;
  return () => {
    last = Math.max(Math.floor(clock()), last + 1);
    return String(last);
  };
}

/** What the monitor's rows say consumers have not heard of yet (`known`: their last word per row). */
export function differences(
  database: string,
  tables: ReadonlySet<string>,
  current: readonly MonitoredChange[],
  known: ReadonlyMap<string, PublishedRow>,
): RowChange[] {
  const out: RowChange[] = [];
  const seen = new Set<string>();
  for (const change of current) {
    const row = wireRow(change.new);
    if (!row) continue;
    const identity = { database, table: change.table, uuid: change.uuid };
    const key = rowKey(identity);
    seen.add(key);
    const last = known.get(key);
    if (!last || last.deleted) out.push({ ...identity, change: 'insert', new: row });
    else if (versionOf(last.row) !== versionOf(row))
      out.push({ ...identity, change: 'modify', old: last.row, new: row });
  }
  for (const [key, last] of known) {
    const [db, table, uuid] = key.split('/');
    if (last.deleted || seen.has(key) || db !== database || !tables.has(table!)) continue;
    out.push({ database, table: table!, uuid: uuid!, change: 'delete', old: last.row });
  }
  return out;
}

export async function startOvsdbBridge(options: OvsdbBridgeOptions): Promise<OvsdbBridge> {
  const { logger, publisher } = options;
  const next = sequencer(options.clock ?? (() => Date.now() * 1000));
  const backoff = options.backoff ?? { initialMs: 500, maxMs: 30_000 };
  // What consumers were told, read back once (retried with the connection when it fails).
  let known: Map<string, PublishedRow> | undefined;
  let count = 0;
  let stopped = false;
  let client: OvsdbClient | undefined;
  let chain: Promise<void> = Promise.resolve();
  let markSynced: () => void = () => {};
  const synced = new Promise<void>((resolve) => {
    markSynced = resolve;
  });

  // Each publish waits for the one before, whether it failed or not (a failure resyncs instead).
  const publish = (changes: readonly RowChange[]): Promise<void> => {
    chain = chain
      .catch(() => undefined)
      .then(async () => {
        if (changes.length === 0) return;
        const events: CloudEvent<unknown>[] = changes.map((change) =>
          buildRowEvent(change, { source: options.source, sequence: next() }),
        );
        await publisher.publish(events);
        for (const change of changes) {
          const deleted = change.change === 'delete';
          known?.set(rowKey(change), { row: (deleted ? change.old : change.new) ?? {}, deleted });
        }
        count += events.length;
      });
    return chain;
  };

  const byDatabase = new Map<string, RowSubscription[]>();
  for (const subscription of options.subscriptions) {
    byDatabase.set(subscription.database, [...(byDatabase.get(subscription.database) ?? []), subscription]);
  }

  async function follow(
    database: string,
    subscriptions: readonly RowSubscription[],
    connection: OvsdbClient,
  ) {
    const requests = Object.fromEntries(
      subscriptions.map((s) => [s.table, { columns: [...new Set([...s.columns, '_version'])] }]),
    );
    let pending: MonitoredChange[] | undefined = [];
    const live = (changes: readonly MonitoredChange[]) =>
      changes.map((change): RowChange => {
        const kind = change.kind === 'delete' ? 'delete' : change.kind === 'modify' ? 'modify' : 'insert';
        const out: RowChange = { database, table: change.table, uuid: change.uuid, change: kind };
        const old = wireRow(change.old);
        const row = wireRow(change.new);
        if (old) out.old = old;
        if (row) out.new = row;
        return out;
      });
    const monitor = await connection.monitor(database, requests, (changes) => {
      if (pending) pending.push(...changes);
      else {
        publish(live(changes)).catch((error: unknown) => {
          // What was not published is found again by the comparison after reconnecting.
          logger.error({ err: error }, 'publishing failed; resynchronising');
          connection.close();
        });
      }
    });
    await chain.catch(() => undefined);
    const tables = new Set(subscriptions.map((s) => s.table));
    const missed = differences(database, tables, monitor.initial, known ?? new Map());
    logger.info(
      { database, rows: monitor.initial.length, missed: missed.length },
      'monitoring; publishing what changed',
    );
    const queued = pending;
    pending = undefined;
    await publish([...missed, ...live(queued)]);
  }

  let wake: (() => void) | undefined;
  async function run(): Promise<void> {
    let delay = 0;
    while (!stopped) {
      try {
        known ??= await publisher.published();
        client = await OvsdbClient.connect(options.remote, options.client);
        for (const [database, subscriptions] of byDatabase) await follow(database, subscriptions, client);
        markSynced();
        delay = 0;
        const reason = await client.closed;
        if (!stopped)
          logger.warn({ err: reason, remote: options.remote }, 'OVSDB connection lost; reconnecting');
      } catch (error) {
        client?.close();
        if (stopped) break;
        delay = delay ? Math.min(delay * 2, backoff.maxMs) : backoff.initialMs;
        logger.warn(
          { err: error, remote: options.remote, retryInMs: delay },
          'OVSDB monitor failed; retrying',
        );
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, delay);
        });
      }
    }
  }
  const running = run();

  return {
    synced,
    published: () => count,
    async stop() {
      stopped = true;
      client?.close();
      wake?.();
      await running;
      await chain.catch(() => undefined);
      await publisher.close();
    },
  };
}
