import { decodeChangeEvent } from '../../shared/events/apiserver.js';
import type { EventAttributes } from '../../shared/events/attributes.js';
import { decodeRowEvent, OVSDB_ROW_CHANGED, rowKey } from '../../shared/events/ovsdb-row.js';
import { groupOf } from '../../shared/kube/object.js';
import { compareResourceVersions } from './convergence.js';
import type { RecordedEvent } from './replay.js';

/** What compaction needs of an event: whose it is, and its place in that history. */
interface Change {
  key: string;
  type: 'add' | 'update' | 'delete';
  uid?: string;
  resourceVersion?: string;
}

interface Decision {
  index: number;
  change: Change;
}

/** An object's change (by group/kind/namespace/name) or a row's (by database/table/uuid, ordered by sequence). */
function changeOf(event: EventAttributes): Change {
  if (event.type === OVSDB_ROW_CHANGED) {
    const row = decodeRowEvent(event);
    const type = row.change === 'insert' ? 'add' : row.change === 'modify' ? 'update' : 'delete';
    return { key: `ovsdb|${rowKey(row)}`, type, uid: row.uuid, resourceVersion: row.sequence };
  }
  const change = decodeChangeEvent(event);
  const { ref } = change;
  return {
    key: `${groupOf(ref.apiVersion)}/${ref.kind}|${ref.namespace}|${ref.name}`,
    type: change.type,
    uid: change.uid,
    resourceVersion: change.resourceVersion,
  };
}

/** Whether `later` (further down the log) supersedes `kept`: an older version of the same object does not. */
function supersedes(later: Change, kept: Change): boolean {
  if (later.uid !== kept.uid || later.resourceVersion === undefined || kept.resourceVersion === undefined) {
    return true;
  }
  const order = compareResourceVersions(later.resourceVersion, kept.resourceVersion);
  if (order === undefined || order > 0) return true;
  return order === 0 && later.type === 'delete';
}

/**
 * A log compacted per object: only the event that decides each object's final state is kept (its
 * last event, unless that one is older than an earlier version of the same object), in log order.
 * Replaying an add later deleted in the same log then changes nothing, where the full log would
 * re-create and delete again what the add produced. Events that cannot be decoded are kept, so
 * replay reports them.
 */
export function compactPerObject(events: readonly RecordedEvent[]): {
  kept: RecordedEvent[];
  dropped: number;
} {
  const decisions = new Map<string, Decision>();
  const undecodable = new Set<number>();
  events.forEach((recorded, index) => {
    if (!recorded.event) return;
    let change: Change;
    try {
      change = changeOf(recorded.event);
    } catch {
      undecodable.add(index);
      return;
    }
    const key = change.key;
    const kept = decisions.get(key);
    if (!kept || supersedes(change, kept.change)) decisions.set(key, { index, change });
  });
  const deciding = new Set<number>([...decisions.values()].map((d) => d.index));
  const kept = events.filter(
    (recorded, index) => !recorded.event || undecodable.has(index) || deciding.has(index),
  );
  return { kept, dropped: events.length - kept.length };
}
