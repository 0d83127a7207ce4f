import type { IPRange } from '../../net/range.js';
import type { KubeObject } from '../object.js';
import type { SchemaIssue } from '../schema-issues.js';
import { SECRET, type Secret } from '../schemas/core.js';
import type { RangeHit, ReadView } from '../store.js';
import type { KindModel } from './kind-model.js';

/** Told of every stored object that did not conform to its kind's schema when it was read. */
export type MalformedSink = (object: KubeObject, issues: readonly SchemaIssue[]) => void;

interface ReadList {
  objects: readonly KubeObject[];
  /** Every member conformed, so there is nothing to report. */
  clean: boolean;
}

/** Readings of stored lists, shared by every view: a store hands out one array per kind version. */
const readLists = new WeakMap<readonly KubeObject[], ReadList>();

/**
 * The cluster as rules and planners read it: every object through its kind's model, typed, with
 * malformed parts pruned and reported to the sink. Lists are mapped once per stored list (stores
 * hand out the same array until the kind changes).
 */
export class ModelView {
  constructor(
    readonly store: ReadView,
    private readonly onMalformed: MalformedSink = () => {},
  ) {}

  read<T extends KubeObject>(kind: KindModel<T>, object: KubeObject): T | undefined {
    const reading = kind.read(object);
    if (reading.issues.length > 0) this.onMalformed(object, reading.issues);
    return reading.object;
  }

  get<T extends KubeObject>(kind: KindModel<T>, namespace: string, name: string): T | undefined {
    const stored = this.store.get(kind.groupKind, namespace, name);
    return stored && this.read(kind, stored);
  }

  list<T extends KubeObject>(kind: KindModel<T>, namespace?: string): readonly T[] {
    return this.readAll(kind, this.store.list(kind.groupKind, namespace));
  }

  byIndex<T extends KubeObject>(kind: KindModel<T>, index: string, value: string): readonly T[] {
    return this.readAll(kind, this.store.byIndex(kind.groupKind, index, value));
  }

  overlapping<T extends KubeObject>(kind: KindModel<T>, index: string, range: IPRange): RangeHit<T>[] {
    const hits: RangeHit<T>[] = [];
    for (const hit of this.store.overlapping(kind.groupKind, index, range)) {
      const object = this.read(kind, hit.object);
      if (object) hits.push({ object, range: hit.range });
    }
    return hits;
  }

  /** Secret contents by name: read on demand, not cached cluster-wide. */
  async readSecret(namespace: string, name: string): Promise<Secret | undefined> {
    const stored = await this.store.readSecret(namespace, name);
    return stored && this.read(SECRET, stored);
  }

  private readAll<T extends KubeObject>(kind: KindModel<T>, stored: readonly KubeObject[]): readonly T[] {
    let listed = readLists.get(stored);
    if (!listed) {
      const objects: KubeObject[] = [];
      let clean = true;
      for (const object of stored) {
        const reading = kind.read(object);
        if (reading.issues.length > 0) clean = false;
        if (reading.object) objects.push(reading.object);
      }
      listed = { objects, clean };
      readLists.set(stored, listed);
    }
    if (!listed.clean) for (const object of stored) this.read(kind, object);
    // Only `kind`'s readings went into this list, and each is a T.
    return listed.objects as readonly T[];
  }
}
