import { setTimeout as sleep } from 'node:timers/promises';
import { type ChangeEvent, decodeChangeEvent } from '../../shared/events/apiserver.js';
import type { EventAttributes } from '../../shared/events/attributes.js';
import { EventFormatError } from '../../shared/events/errors.js';
import {
  decodeRowEvent,
  OVSDB_ROW_CHANGED,
  type RowChangeEvent,
  rowKey,
} from '../../shared/events/ovsdb-row.js';
import { deepEqual, deepFreeze, isPlainObject } from '../../shared/kube/json-value.js';
import { mergePatchBetween } from '../../shared/kube/memory-store/merge-patch.js';
import { ModelView } from '../../shared/kube/model/model-view.js';
import type { GroupKind, KubeObject, ObjectKey } from '../../shared/kube/object.js';
import { describeObject, groupKind, groupOf, keyString } from '../../shared/kube/object.js';
import { modelOf } from '../../shared/kube/registry.js';
import { type CacheTarget, ConflictError, type ResourceStore } from '../../shared/kube/store.js';
import {
  applyEffects,
  ClaimLostError,
  describeEffect,
  describeTarget,
  type EffectRecord,
} from './applier.js';
import type { Effect, EventFunction, FunctionSettings, PlanContext, ResolvedEvent } from './contract.js';
import { fieldManagerOf } from './contract.js';
import { compareResourceVersions, DedupWindow, VersionTracker } from './convergence.js';
import type { Logger } from './logger.js';
import type { FunctionMetrics } from './metrics.js';
import { OvsdbConnections } from './ovsdb-connections.js';
import { cacheTargetsOf, inScope } from './scopes.js';
import { StatusPatches } from './status-patches.js';
import { consumerOf, Tombstones } from './tombstones.js';

/**
 * The first pause before planning again after a lost race, doubled at each attempt: a KubeStore's
 * informer may not yet hold what the winner wrote.
 */
const REPLAN_DELAY_MS = 20;

type Planner = () => Effect[] | Promise<Effect[]>;

/** Field manager of objects the runtime copies from events into a MemoryStore. */
export const OBSERVED_FIELD_MANAGER = 'acpnet-observed';

export interface ProcessorOptions {
  store: ResourceStore;
  functions: readonly EventFunction[];
  /**
   * Copy each event's object into the store before planning. Right for a MemoryStore, where events
   * are the only news of the world; wrong for a KubeStore, whose informers already hold the cluster.
   */
  mirror: boolean;
  /** Plan and report effects without applying them. */
  dryRun?: boolean;
  dedupCapacity?: number;
  trackedObjects?: number;
  /**
   * Names the tombstone ConfigMap `acpnet-tombstones-<consumer>`; by default the names of the
   * functions, sorted and joined by dots (`ingress-sync`).
   */
  consumer?: string;
  /** Namespace of the tombstone ConfigMap (default `acpnet`). */
  tombstoneNamespace?: string;
  /** How many tombstones are kept (default 5,000). */
  tombstoneLimit?: number;
  metrics?: FunctionMetrics;
  logger: Logger;
  /** What the planners get as `context.settings`. */
  settings?: FunctionSettings;
  /** The OVSDB connections planners read through and `ovsdb` effects run on; by default its own. */
  ovsdb?: OvsdbConnections;
}

/**
 * How often an event is planned again at once when its effects lose a race (a claim another writer
 * holds, a write whose precondition no longer holds); after that the event fails and its runtime
 * retries it later.
 */
export const REPLANS = 8;

/**
 * The pause before planning again. A lost claim brought its winner into the store (the create read
 * it back), so the first replan already sees it and goes at once. Later ones, and conflicts (a
 * stale resourceVersion reads the object back too, but field and status conflicts wait for the
 * watch), are jittered and doubled, so replicas that lost the same race do not meet again.
 */
function replanDelay(error: unknown, attempt: number): number {
  const step = error instanceof ClaimLostError ? attempt - 1 : attempt;
  return step < 0 ? 0 : REPLAN_DELAY_MS * 2 ** step * (0.5 + Math.random());
}

/** On a mirrored object: the resourceVersion of the source object it mirrors. */
export const SOURCE_RESOURCE_VERSION = 'acpnet.io/source-resource-version';

export type ProcessOutcome = 'processed' | 'duplicate' | 'stale' | 'ignored';

export interface ProcessResult {
  eventId: string;
  outcome: ProcessOutcome;
  /** Effects that changed the store (dry-run: every planned effect). */
  effects: EffectRecord[];
}

/** Where runtimes hand decoded CloudEvents (SDK CloudEvents or plain decoded attributes). */
export interface EventSink {
  process(cloudEvent: EventAttributes): Promise<ProcessResult>;
}

/**
 * Turns CloudEvents into effects: decodes, drops duplicates and stale events, mirrors the object
 * when the store is in memory, runs every function that consumes the kind, applies its effects.
 * Throws EventFormatError for events that can never be processed; any other error is transient.
 */
export class EventProcessor implements EventSink {
  private readonly dedup: DedupWindow;
  private readonly versions: VersionTracker;
  private readonly tombstones: Tombstones;
  private readonly byKind = new Map<GroupKind, EventFunction[]>();
  private readonly byTable = new Map<string, EventFunction[]>();
  private readonly view: ModelView;
  private readonly ovsdb: OvsdbConnections;
  private readonly ownsOvsdb: boolean;
  private readonly context: PlanContext;
  /** The last event of each serial function, which the next one waits for. */
  private readonly serialTails = new Map<string, Promise<unknown>>();
  private readonly statuses = new StatusPatches();
  /** Plans in the order they are made: the newest status patch of an object supersedes older ones. */
  private plans = 0;

  constructor(private readonly options: ProcessorOptions) {
    this.view = new ModelView(options.store, (object, issues) =>
      options.logger.warn(
        { object: describeObject(object), issues },
        'stored object does not conform; read in part',
      ),
    );
    this.dedup = new DedupWindow(options.dedupCapacity ?? 100_000);
    this.versions = new VersionTracker(options.trackedObjects ?? 200_000);
    this.tombstones = new Tombstones({
      store: options.store,
      consumer: options.consumer ?? consumerOf(options.functions),
      namespace: options.tombstoneNamespace,
      limit: options.tombstoneLimit,
      persist: !options.dryRun,
    });
    for (const fn of options.functions) {
      for (const kind of fn.consumes) {
        const list = this.byKind.get(kind.groupKind) ?? [];
        list.push(fn);
        this.byKind.set(kind.groupKind, list);
      }
      for (const rows of fn.consumesRows ?? []) {
        const table = `${rows.database}/${rows.table}`;
        this.byTable.set(table, [...(this.byTable.get(table) ?? []), fn]);
      }
    }
    this.ownsOvsdb = options.ovsdb === undefined;
    this.ovsdb = options.ovsdb ?? new OvsdbConnections();
    this.context = { settings: options.settings ?? {}, ovsdb: (remote) => this.ovsdb.reader(remote) };
  }

  /** Kinds, or objects of a kind, a store must cache for these functions. */
  static kindsOf(functions: readonly EventFunction[]): CacheTarget[] {
    return cacheTargetsOf(functions, 'all');
  }

  /** Closes the OVSDB connections it opened itself. */
  close(): void {
    if (this.ownsOvsdb) this.ovsdb.close();
  }

  /**
   * Reads the tombstones the store keeps for this consumer and returns how many. process() reads
   * them itself before its first event when this was not done (or failed).
   */
  async start(): Promise<number> {
    await this.tombstones.ready();
    return this.tombstones.size;
  }

  async process(cloudEvent: EventAttributes): Promise<ProcessResult> {
    if (cloudEvent.type === OVSDB_ROW_CHANGED) return this.processRow(decodeRowEvent(cloudEvent));
    const event = decodeChangeEvent(cloudEvent);
    await this.tombstones.ready();
    const eventKey = `${event.source}\u0000${event.id}`;
    const key: ObjectKey = {
      groupKind: groupKind(groupOf(event.ref.apiVersion), event.ref.kind),
      namespace: event.ref.namespace,
      name: event.ref.name,
    };
    if (this.dedup.has(eventKey)) {
      if (this.options.logger.isLevelEnabled('debug'))
        this.eventLogger(event).debug('duplicate event skipped');
      this.count('duplicate');
      return { eventId: event.id, outcome: 'duplicate', effects: [] };
    }
    const objectKey = keyString(key);
    if (this.isStale(objectKey, key, event)) {
      this.eventLogger(event).info({ resourceVersion: event.resourceVersion }, 'stale event skipped');
      this.dedup.remember(eventKey);
      this.count('stale');
      return { eventId: event.id, outcome: 'stale', effects: [] };
    }
    // Functions and the store only read the event's object: frozen, the store shares it instead of copying.
    if (event.object) deepFreeze(event.object);
    const resolved = this.resolve(event, key);
    if (resolved && event.type !== 'delete') refuseMalformed(resolved.object);
    if (this.options.mirror && !this.options.dryRun) await this.mirror(event, key);
    const effects: EffectRecord[] = [];
    const functions = (this.byKind.get(key.groupKind) ?? []).filter((fn) => inScope(fn, key));
    if (resolved) {
      for (const fn of functions) {
        const records = await this.run(
          fn,
          () => fn.plan(resolved, this.view, this.context),
          () => this.eventLogger(event),
        );
        if (records.length === 0) continue;
        this.logEffects(this.eventLogger(event), records);
        effects.push(...records);
      }
    }
    // Recorded once the delete's effects are applied: a failure before leaves the event to be retried.
    if (event.type === 'delete') await this.tombstones.record(event, key);
    this.versions.record(objectKey, event);
    this.dedup.remember(eventKey);
    this.observeLag(event);
    if (!resolved || functions.length === 0) {
      this.count('ignored');
      return { eventId: event.id, outcome: 'ignored', effects };
    }
    return { eventId: event.id, outcome: 'processed', effects };
  }

  /**
   * A row change: duplicates and older changes of the row (by the bridge's sequence) are skipped
   * as for objects; the functions that follow its table plan it. Rows leave no tombstones: their
   * changes arrive in order per row (the Kafka key, ordered Knative delivery), and a function that
   * keeps rows keeps their sequences.
   */
  private async processRow(event: RowChangeEvent): Promise<ProcessResult> {
    const eventKey = `${event.source}\u0000${event.id}`;
    const objectKey = `ovsdb|${rowKey(event)}`;
    const tracked = {
      type: event.change === 'insert' ? 'add' : event.change === 'modify' ? 'update' : 'delete',
      resourceVersion: event.sequence,
      uid: event.uuid,
    } as const;
    if (this.dedup.has(eventKey)) {
      this.count('duplicate');
      return { eventId: event.id, outcome: 'duplicate', effects: [] };
    }
    if (this.versions.judge(objectKey, tracked) !== 'fresh') {
      this.rowLogger(event).info({ sequence: event.sequence }, 'stale row change skipped');
      this.dedup.remember(eventKey);
      this.count('stale');
      return { eventId: event.id, outcome: 'stale', effects: [] };
    }
    const functions = this.byTable.get(`${event.database}/${event.table}`) ?? [];
    const effects: EffectRecord[] = [];
    for (const fn of functions) {
      const plan = fn.planRow;
      if (!plan) continue;
      const records = await this.run(
        fn,
        () => plan.call(fn, event, this.view, this.context),
        () => this.rowLogger(event),
      );
      if (records.length === 0) continue;
      this.logEffects(this.rowLogger(event), records);
      effects.push(...records);
    }
    this.versions.record(objectKey, tracked);
    this.dedup.remember(eventKey);
    if (functions.length === 0) {
      this.count('ignored');
      return { eventId: event.id, outcome: 'ignored', effects };
    }
    return { eventId: event.id, outcome: 'processed', effects };
  }

  private rowLogger(event: RowChangeEvent): Logger {
    return this.options.logger.child({ eventId: event.id, row: rowKey(event) });
  }

  /**
   * Stale against what this process saw, against the tombstones of deleted uids (kept in the store,
   * so they outlive a restart), and against what the store holds, so a restarted consumer that is
   * handed already-applied events again (offsets not yet committed) skips the older ones. A mirrored
   * object keeps the source's resourceVersion in an annotation: the store numbers its own writes.
   */
  private isStale(objectKey: string, key: ObjectKey, event: ChangeEvent): boolean {
    const verdict = this.versions.judge(objectKey, event);
    if (verdict !== 'fresh') return true;
    if (event.type !== 'delete' && event.uid !== undefined && this.tombstones.has(event.uid)) return true;
    if (event.resourceVersion === undefined) return false;
    const stored = this.options.store.get(key.groupKind, key.namespace, key.name);
    if (!stored || stored.metadata.uid !== event.uid) return false;
    const storedVersion = this.options.mirror
      ? stored.metadata.annotations?.[SOURCE_RESOURCE_VERSION]
      : stored.metadata.resourceVersion;
    if (storedVersion === undefined) return false;
    const order = compareResourceVersions(event.resourceVersion, storedVersion);
    return order !== undefined && order < 0;
  }

  /** Reference-mode events are resolved by a read; a vanished object leaves nothing to do but deletes. */
  private resolve(event: ChangeEvent, key: ObjectKey): ResolvedEvent | undefined {
    if (event.object) return { ...event, object: event.object };
    if (event.type === 'delete') {
      const stub: KubeObject = {
        apiVersion: event.ref.apiVersion,
        kind: event.ref.kind,
        metadata: {
          name: event.ref.name,
          ...(event.ref.namespace ? { namespace: event.ref.namespace } : {}),
        },
      };
      if (event.uid) stub.metadata.uid = event.uid;
      return { ...event, object: stub };
    }
    const current = this.options.store.get(key.groupKind, key.namespace, key.name);
    return current
      ? { ...event, object: current, resourceVersion: current.metadata.resourceVersion }
      : undefined;
  }

  private async mirror(event: ChangeEvent, key: ObjectKey): Promise<void> {
    const { store } = this.options;
    const existing = store.get(key.groupKind, key.namespace, key.name);
    if (event.type === 'delete') {
      if (existing) await store.delete(key);
      return;
    }
    if (!event.object) return;
    const { resourceVersion: _rv, managedFields: _mf, ...metadata } = event.object.metadata;
    if (event.resourceVersion !== undefined) {
      metadata.annotations = { ...metadata.annotations, [SOURCE_RESOURCE_VERSION]: event.resourceVersion };
    }
    if (existing && metadata.uid && existing.metadata.uid !== metadata.uid) await store.delete(key);
    const options = { fieldManager: OBSERVED_FIELD_MANAGER, force: true };
    const stored = await store.apply({ ...event.object, metadata }, options);
    // Apply leaves status alone, as servers with a status subresource do. A new version of the source
    // brings its status (a Pod's readiness, a Node's conditions); the same version again does not, so
    // a status functions wrote since (an Ingress's addresses) stays.
    const status = event.object.status;
    const sameVersion =
      event.resourceVersion !== undefined &&
      existing?.metadata.annotations?.[SOURCE_RESOURCE_VERSION] === event.resourceVersion;
    if (isPlainObject(status) && !sameVersion && !deepEqual(stored.status, status)) {
      await store.patchStatus(key, mergePatchBetween(stored.status, status), options);
    }
  }

  /** Child loggers cost an allocation, so one is made only for an event that logs something. */
  private eventLogger(event: ChangeEvent): Logger {
    return this.options.logger.child({ eventId: event.id, object: describeRef(event) });
  }

  private logEffects(log: Logger, effects: readonly EffectRecord[]): void {
    if (!this.options.logger.isLevelEnabled('info')) return;
    for (const record of effects) {
      log.info(
        { function: record.function, op: record.op, target: describeTarget(record) },
        'effect applied',
      );
    }
  }

  /** Plans and applies one function's effects; a serial function's runs follow one another. */
  private run(fn: EventFunction, plan: Planner, log: () => Logger): Promise<EffectRecord[]> {
    if (!fn.serial) return this.timed(fn, plan, log);
    const previous = this.serialTails.get(fn.name) ?? Promise.resolve();
    const next = previous.then(
      () => this.timed(fn, plan, log),
      () => this.timed(fn, plan, log),
    );
    const tail = next.catch(() => undefined);
    this.serialTails.set(fn.name, tail);
    void tail.then(() => {
      if (this.serialTails.get(fn.name) === tail) this.serialTails.delete(fn.name);
    });
    return next;
  }

  private async timed(fn: EventFunction, plan: Planner, log: () => Logger): Promise<EffectRecord[]> {
    const started = process.hrtime.bigint();
    const records = this.options.dryRun
      ? await this.planOnly(fn, plan)
      : await this.planAndApply(fn, plan, log);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.options.metrics?.effectSeconds.observe({ function: fn.name }, seconds);
    this.count(records.length > 0 ? 'applied' : 'unchanged', fn.name);
    return records;
  }

  private async planOnly(fn: EventFunction, plan: Planner): Promise<EffectRecord[]> {
    const planned = (await plan()).filter((effect) => this.targetsSomething(effect));
    return planned.map((effect) => describeEffect(fn.name, effect));
  }

  /**
   * Plans and applies; when the effects lose a race (ClaimLostError, ConflictError) the rest are not
   * applied and the event is planned again against the store as the race left it, up to REPLANS
   * times. Effects already applied are idempotent, so the next plan repeats them without a change.
   */
  private async planAndApply(fn: EventFunction, plan: Planner, log: () => Logger): Promise<EffectRecord[]> {
    const records: EffectRecord[] = [];
    for (let attempt = 0; ; attempt++) {
      // Numbered when planning starts: a planner that does not await plans entirely at this point.
      const order = { patches: this.statuses, plan: ++this.plans };
      const planned = (await plan()).filter((effect) => this.targetsSomething(effect));
      try {
        return await applyEffects(this.options.store, fn.name, fieldManagerOf(fn), planned, {
          changed: records,
          statuses: order,
          ovsdb: this.ovsdb,
          onBestEffortFailure: (effect, error) =>
            this.options.logger.warn(
              { function: fn.name, effect: describeEffect(fn.name, effect), err: error },
              'report not written',
            ),
        });
      } catch (error) {
        const lost = error instanceof ClaimLostError || error instanceof ConflictError;
        if (!lost || attempt + 1 >= REPLANS) throw error;
        this.count('replanned', fn.name);
        if (this.options.logger.isLevelEnabled('debug')) {
          log().debug({ function: fn.name, reason: (error as Error).message }, 'lost a race; planning again');
        }
        await sleep(replanDelay(error, attempt));
      }
    }
  }

  /** A status patch needs its object; one planned for an object already gone is dropped, not emitted. */
  private targetsSomething(effect: Effect): boolean {
    if (effect.op !== 'patchStatus') return true;
    const { groupKind, namespace, name } = effect.key;
    return this.options.store.get(groupKind, namespace, name) !== undefined;
  }

  private count(outcome: string, fn = '-'): void {
    this.options.metrics?.events.inc({ function: fn, outcome });
  }

  private observeLag(event: ChangeEvent): void {
    if (!this.options.metrics || !event.time) return;
    const age = (Date.now() - Date.parse(event.time)) / 1000;
    if (Number.isFinite(age)) this.options.metrics.lagSeconds.set({ source: event.source }, Math.max(0, age));
  }
}

function describeRef(event: ChangeEvent): string {
  return describeObject({
    kind: event.ref.kind,
    metadata: { name: event.ref.name, namespace: event.ref.namespace || undefined },
  });
}

/**
 * An object that does not conform to its kind's schema can never be planned: a permanent error
 * (dead letter, no retries) naming the first field at fault. A delete needs only the identity.
 */
function refuseMalformed(object: KubeObject): void {
  const issue = modelOf(object)?.read(object).issues[0];
  if (issue) {
    throw new EventFormatError(
      `${describeObject(object)} does not conform to its schema: ${issue.message}`,
      `data.${issue.path}`,
    );
  }
}
