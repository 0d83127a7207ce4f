/** One row a cleanup plan touches, and how. */

/**
 * - delete: an operation of the plan deletes it;
 * - collected: a non-root row the server garbage-collects when the plan deletes its owner;
 * - detached: a non-root row the plan takes out of its parent's set, so the server collects it;
 * - unlinked: it stays, but loses its reference to a deleted row.
 */
export type PlannedAction = 'delete' | 'collected' | 'detached' | 'unlinked';

export interface PlannedRow {
  table: string;
  uuid: string;
  /** The row's identifying columns, e.g. a Route's prefix and next hop. */
  label: string;
  action: PlannedAction;
  /** What brought the row into the plan: the reference `Table.column`, or its owner or parent. */
  via: string;
}
