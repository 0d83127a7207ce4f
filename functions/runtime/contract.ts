import type { ChangeEvent } from '../../shared/events/apiserver.js';
import type { RowChangeEvent } from '../../shared/events/ovsdb-row.js';
import type { KindModel } from '../../shared/kube/model/kind-model.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { KubeObject, ObjectKey } from '../../shared/kube/object.js';
import type { DeletePreconditions, EqualityIndexSpec } from '../../shared/kube/store.js';
import type { OperationResult } from '../../shared/ovsdb/client.js';
import type { Operation } from '../../shared/ovsdb/operations.js';
import type { DatabaseSchema } from '../../shared/ovsdb/schema.js';

/** A change event whose object is known: Resource mode, or Reference mode resolved by a read. */
export interface ResolvedEvent extends ChangeEvent {
  object: KubeObject;
}

/** Server-side apply of the object with the function's field manager. */
export interface ApplyEffect {
  op: 'apply';
  object: KubeObject;
}

/** Creates the object unless one with its identity exists (claims: first writer wins). */
export interface CreateIfAbsentEffect {
  op: 'createIfAbsent';
  object: KubeObject;
}

/** Deletes the object; preconditions guard against deleting a successor with the same name. */
export interface DeleteEffect {
  op: 'delete';
  apiVersion: string;
  key: ObjectKey;
  preconditions?: DeletePreconditions;
}

/** JSON merge patch of the status subresource. */
export interface PatchStatusEffect {
  op: 'patchStatus';
  apiVersion: string;
  key: ObjectKey;
  status: Record<string, unknown>;
}

/**
 * One OVSDB transaction, as data: the applier runs `operations` on `database` at `remote` through
 * the shared OVSDB client, all or nothing. It counts as a change when an operation touched a row.
 */
export interface OvsdbEffect {
  op: 'ovsdb';
  /** `tcp:HOST:PORT`, `ssl:HOST:PORT`, `unix:PATH`, or a comma-separated list (cluster members). */
  remote: string;
  database: string;
  operations: readonly Operation[];
}

export type Effect = ApplyEffect | CreateIfAbsentEffect | DeleteEffect | PatchStatusEffect | OvsdbEffect;

/** What a planner may do with an OVSDB database: read its schema and select. */
export interface OvsdbReader {
  readonly address: string;
  getSchema(database: string): Promise<DatabaseSchema>;
  /** Selects (and comments and waits); an operation that would write is refused before it is sent. */
  transact(database: string, operations: readonly Operation[]): Promise<OperationResult[]>;
}

/** Settings of the functions from `serve` and `replay` flags. */
export interface FunctionSettings {
  /** The IC southbound database, over the address kube-system/ovn-ic-config gives (`--ic-sb`). */
  icSouthbound?: string;
  /** The cluster's own northbound database (`--ovn-nb`): the cleanup removes the transit switches there too. */
  northbound?: string;
}

/** What a planner gets besides the event and the view. */
export interface PlanContext {
  settings: FunctionSettings;
  /** Read access to the OVSDB database at `remote` (one connection per remote, kept by the runtime). */
  ovsdb(remote: string): Promise<OvsdbReader>;
}

/** OVSDB rows a function follows through `io.acpnet.ovsdb.row.changed` events. */
export interface RowSubscription {
  database: string;
  table: string;
  /** The columns its planner reads (the bridge monitors these, and `_version`). */
  columns: readonly string[];
}

/** Objects of a kind a function needs when it needs only a few: the store caches only these. */
export interface ObjectScope {
  kind: KindModel;
  namespace: string;
  names: readonly string[];
  /** Read, but their events do not reach the planner (and the bridge does not publish them). */
  readOnly?: boolean;
}

/**
 * A function: the kinds whose events it consumes and a planner from (event, read-only view) to
 * effects. Planning never writes, so dry-run, replay and live runs share one code path.
 */
export interface EventFunction {
  /** Stable name; the field manager is `acpnet-<name>`. */
  name: string;
  consumes: readonly KindModel[];
  /** Kinds the planner reads besides the consumed ones; a KubeStore must cache them. */
  reads: readonly KindModel[];
  indexes?: readonly EqualityIndexSpec[];
  /**
   * `event.object` conforms to its kind's schema (the runtime refuses, as permanent errors, events
   * whose object does not); read it with `view.read(KIND, event.object)` for its typed form.
   */
  plan(event: ResolvedEvent, view: ModelView, context: PlanContext): Effect[] | Promise<Effect[]>;
  /**
   * Of its consumed and read kinds, those it needs only a few objects of: the store caches only
   * those objects (RBAC can then grant them by name), and only the events of those not `readOnly`
   * reach `plan`.
   */
  scopes?: readonly ObjectScope[];
  /** OVSDB tables whose row events reach `planRow`. */
  consumesRows?: readonly RowSubscription[];
  planRow?(event: RowChangeEvent, view: ModelView, context: PlanContext): Effect[] | Promise<Effect[]>;
  /**
   * Its events are planned and applied one at a time in a process: each event rewrites the same
   * objects from what the previous one left, so two at once would lose one's change.
   */
  serial?: boolean;
}

export function fieldManagerOf(fn: Pick<EventFunction, 'name'>): string {
  return `acpnet-${fn.name}`;
}
