import { type ChangeEvent, decodeChangeEvent } from '../../shared/events/apiserver.js';
import { groupOf } from '../../shared/kube/object.js';
import { compareResourceVersions } from './convergence.js';
import type { RecordedEvent } from './replay.js';

interface Decision {
  index: number;
  change: ChangeEvent;
}

function objectKey(change: ChangeEvent): string {
  const { ref } = change;
  return `${groupOf(ref.apiVersion)}/${ref.kind}|${ref.namespace}|${ref.name}`;
}

/** Whether `later` (further down the log) supersedes `kept`: an older version of the same object does not. */
function supersedes(later: ChangeEvent, kept: ChangeEvent): boolean {
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
    let change: ChangeEvent;
    try {
      change = decodeChangeEvent(recorded.event);
    } catch {
      undecodable.add(index);
      return;
    }
    const key = objectKey(change);
    const kept = decisions.get(key);
    if (!kept || supersedes(change, kept.change)) decisions.set(key, { index, change });
  });
  const deciding = new Set<number>([...decisions.values()].map((d) => d.index));
  const kept = events.filter(
    (recorded, index) => !recorded.event || undecodable.has(index) || deciding.has(index),
  );
  return { kept, dropped: events.length - kept.length };
}
