import type { ChangeEvent } from '../../shared/events/apiserver.js';
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

export type Effect = ApplyEffect | CreateIfAbsentEffect | DeleteEffect | PatchStatusEffect | JsonPatchEffect;

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
   * Plan each event only after the previous one's effects are applied, within this process, so a plan
   * sees what the one before wrote (allocations). This spares needless conflicts; it is not what keeps
   * two processes from handing out the same thing (their writes are arbitrated by the API server).
   */
  serial?: boolean;
  /**
   * `event.object` conforms to its kind's schema (the runtime refuses, as permanent errors, events
   * whose object does not); read it with `view.read(KIND, event.object)` for its typed form.
   */
  plan(event: ResolvedEvent, view: ModelView): Effect[] | Promise<Effect[]>;
  /**
   * Called once per store before its caches start, for a function that keeps state derived from
   * the store (an address allocator): it may watch the store here. Planning stays read-only.
   */
  attach?(store: ResourceStore): void;
}

export function fieldManagerOf(fn: Pick<EventFunction, 'name'>): string {
  return `acpnet-${fn.name}`;
}
