import type { ChangeEvent } from '../../shared/events/apiserver.js';
import type { RowChangeEvent } from '../../shared/events/ovsdb-row.js';
import type { KindModel } from '../../shared/kube/model/kind-model.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { KubeObject, ObjectKey } from '../../shared/kube/object.js';
import type {
  DeletePreconditions,
  EqualityIndexSpec,
  JsonPatchOperation,
  RangeIndexSpec,
  ResourceStore,
} from '../../shared/kube/store.js';
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
  /** May be applied at the same time as the effects next to it that say so too (see Concurrent). */
  concurrent?: boolean;
}

/**
 * Effects are applied in order, one at a time; a run of adjacent effects that each say
 * `concurrent: true` is applied at once (none of them depends on another), the run finishing before
 * the next effect starts. A failure in the run fails the event after the others have finished.
 */
export type Concurrent = { concurrent?: boolean };

/** Creates the object unless one with its identity exists (claims: first writer wins). */
export interface CreateIfAbsentEffect {
  op: 'createIfAbsent';
  object: KubeObject;
  /**
   * The object is a claim the plan depends on: when one of that identity exists with another body
   * (another replica won it), the event's remaining effects are not applied and the event is
   * planned again (ClaimLostError).
   */
  claim?: boolean;
  /** A report (an Event): when it cannot be written, the failure is logged and the event goes on. */
  bestEffort?: boolean;
  /** May be applied at the same time as the effects next to it that say so too (see Concurrent). */
  concurrent?: boolean;
}

/** Deletes the object; preconditions guard against deleting a successor with the same name. */
export interface DeleteEffect {
  op: 'delete';
  apiVersion: string;
  key: ObjectKey;
  preconditions?: DeletePreconditions;
  /**
   * A precondition that fails means the plan was made from a view that is now behind (someone else
   * changed the claim): ConflictError, and the event is planned again, instead of leaving it alone.
   */
  replanOnMismatch?: boolean;
}

/** JSON merge patch of the status subresource. */
export interface PatchStatusEffect {
  op: 'patchStatus';
  apiVersion: string;
  key: ObjectKey;
  status: Record<string, unknown>;
  /** The object as planned: a patch meeting a newer one fails with ConflictError, and the event is planned again. */
  resourceVersion?: string;
  concurrent?: boolean;
}

/**
 * JSON Patch of the object: for a field server-side apply cannot own alone (one member of an atomic
 * list such as a container's args), guarded by `test` operations on what it was planned against.
 */
export interface JsonPatchEffect {
  op: 'jsonPatch';
  apiVersion: string;
  key: ObjectKey;
  patch: JsonPatchOperation[];
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

export type Effect =
  | ApplyEffect
  | CreateIfAbsentEffect
  | DeleteEffect
  | PatchStatusEffect
  | JsonPatchEffect
  | OvsdbEffect;

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
  rangeIndexes?: readonly RangeIndexSpec[];
  /**
   * `event.object` conforms to its kind's schema (the runtime refuses, as permanent errors, events
   * whose object does not); read it with `view.read(KIND, event.object)` for its typed form.
   */
  plan(event: ResolvedEvent, view: ModelView, context: PlanContext): Effect[] | Promise<Effect[]>;
  /**
   * Called once per store before its caches start, for a function that keeps state derived from
   * the store (an address allocator): it may watch the store here. Planning stays read-only.
   */
  attach?(store: ResourceStore): void;
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
   * Plan each event only after the previous one's effects are applied, within this process, so a plan
   * sees what the one before wrote: allocations (sparing needless conflicts; the API server still
   * arbitrates between processes), and functions whose events rewrite the same objects from what the
   * previous one left (two at once would lose one's change).
   */
  serial?: boolean;
}

export function fieldManagerOf(fn: Pick<EventFunction, 'name'>): string {
  return `acpnet-${fn.name}`;
}
