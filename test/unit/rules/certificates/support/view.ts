import type { GroupKind, KubeObject } from '../../../../../shared/kube/object.js';
import { groupKindOf } from '../../../../../shared/kube/object.js';
import type { EqualityIndexSpec, RangeHit, ReadView } from '../../../../../shared/kube/store.js';

/**
 * A read-only view over a fixed list of objects with the equality indexes a rule family declares.
 * Stands in for the store in rule unit tests; Secrets are served by readSecret like a real cluster.
 */
export class FixtureView implements ReadView {
  constructor(
    private readonly objects: readonly KubeObject[],
    private readonly indexes: readonly EqualityIndexSpec[] = [],
  ) {}

  get<T extends KubeObject = KubeObject>(kind: GroupKind, namespace: string, name: string): T | undefined {
    return this.list<T>(kind, namespace).find((o) => o.metadata.name === name);
  }

  list<T extends KubeObject = KubeObject>(kind: GroupKind, namespace?: string): readonly T[] {
    return this.objects.filter(
      (o) =>
        groupKindOf(o) === kind && (namespace === undefined || (o.metadata.namespace ?? '') === namespace),
    ) as T[];
  }

  byIndex<T extends KubeObject = KubeObject>(kind: GroupKind, index: string, value: string): readonly T[] {
    const spec = this.indexes.find((s) => s.kind === kind && s.name === index);
    if (!spec) throw new Error(`index ${index} of ${kind} is not registered`);
    return this.list<T>(kind).filter((o) => spec.keys(o).includes(value));
  }

  overlapping<T extends KubeObject = KubeObject>(): readonly RangeHit<T>[] {
    return [];
  }

  async readSecret(namespace: string, name: string): Promise<KubeObject | undefined> {
    return this.get('/Secret', namespace, name);
  }
}
