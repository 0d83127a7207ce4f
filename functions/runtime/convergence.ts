import type { ChangeEvent } from '../../shared/events/apiserver.js';

/** Remembers the last `capacity` event ids; a hit means the event was already processed. */
export class DedupWindow {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  remember(id: string): void {
    if (this.seen.has(id)) return;
    this.seen.add(id);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }

  get size(): number {
    return this.seen.size;
  }
}

/**
 * Orders resourceVersions. The API server documents them as opaque, but etcd-backed ones are
 * integers that grow with every write; only those are compared. Returns undefined when either is
 * not an integer (then nothing can be said about order).
 */
export function compareResourceVersions(a: string, b: string): number | undefined {
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b)) return undefined;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export type Verdict = 'fresh' | 'stale' | 'deleted';

interface Seen {
  resourceVersion?: string;
  uid?: string;
  deleted: boolean;
}

/**
 * Per object (kind/namespace/name), the newest resourceVersion seen and whether it was deleted.
 * An event older than that is stale; an add/update of a uid already deleted lost to the delete.
 * Bounded: the least recently touched objects are forgotten first.
 */
export class VersionTracker {
  private readonly objects = new Map<string, Seen>();
  private readonly deletedUids = new Set<string>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
  }

  judge(objectKey: string, event: Pick<ChangeEvent, 'type' | 'resourceVersion' | 'uid'>): Verdict {
    if (event.type !== 'delete' && event.uid !== undefined && this.deletedUids.has(event.uid))
      return 'deleted';
    const seen = this.objects.get(objectKey);
    if (!seen || seen.resourceVersion === undefined || event.resourceVersion === undefined) return 'fresh';
    // A recreated object (new uid) starts a new history.
    if (seen.uid !== undefined && event.uid !== undefined && seen.uid !== event.uid) return 'fresh';
    const order = compareResourceVersions(event.resourceVersion, seen.resourceVersion);
    if (order === undefined) return 'fresh';
    if (order < 0) return 'stale';
    // Same version: an update replayed after the delete of that version, or a repeat under a new id.
    if (order === 0 && (seen.deleted || event.type !== 'delete')) return 'stale';
    return 'fresh';
  }

  record(objectKey: string, event: Pick<ChangeEvent, 'type' | 'resourceVersion' | 'uid'>): void {
    this.objects.delete(objectKey);
    this.objects.set(objectKey, {
      resourceVersion: event.resourceVersion,
      uid: event.uid,
      deleted: event.type === 'delete',
    });
    if (event.type === 'delete' && event.uid !== undefined) {
      this.deletedUids.add(event.uid);
      if (this.deletedUids.size > this.capacity) {
        const oldest = this.deletedUids.values().next().value;
        if (oldest !== undefined) this.deletedUids.delete(oldest);
      }
    }
    if (this.objects.size > this.capacity) {
      const oldest = this.objects.keys().next().value;
      if (oldest !== undefined) this.objects.delete(oldest);
    }
  }
}
