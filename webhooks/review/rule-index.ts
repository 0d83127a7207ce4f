import type { GroupKind } from '../../shared/kube/object.js';
import type { ResourceStore } from '../../shared/kube/store.js';
import type { Mutator, Operation, RuleFamily, ValidationRule } from '../rules/types.js';

/** Operations a rule or mutator runs on when it names none. */
export const defaultOperations: readonly Operation[] = ['CREATE', 'UPDATE'];

interface KindEntry {
  rules: Map<Operation, ValidationRule[]>;
  mutators: Map<Operation, Mutator[]>;
}

function addByOperation<T extends { operations?: readonly Operation[] }>(
  target: Map<Operation, T[]>,
  item: T,
): void {
  for (const operation of item.operations ?? defaultOperations) {
    const list = target.get(operation);
    if (list) list.push(item);
    else target.set(operation, [item]);
  }
}

/**
 * The rules and mutators of every family, keyed by GroupKind and operation so a review finds its
 * rules in O(1) however many families are registered. Registration order is kept within a kind.
 */
export class RuleIndex {
  private readonly byKind = new Map<GroupKind, KindEntry>();

  constructor(readonly families: readonly RuleFamily[]) {
    const ids = new Set<string>();
    for (const family of families) {
      for (const item of [...family.rules, ...family.mutators]) {
        if (ids.has(item.id)) throw new Error(`rule id ${item.id} is registered twice`);
        ids.add(item.id);
      }
      for (const rule of family.rules) {
        for (const kind of rule.kinds) addByOperation(this.entry(kind.groupKind).rules, rule);
      }
      for (const mutator of family.mutators) {
        for (const kind of mutator.kinds) addByOperation(this.entry(kind.groupKind).mutators, mutator);
      }
    }
  }

  private entry(kind: GroupKind): KindEntry {
    let entry = this.byKind.get(kind);
    if (!entry) {
      entry = { rules: new Map(), mutators: new Map() };
      this.byKind.set(kind, entry);
    }
    return entry;
  }

  rulesFor(kind: GroupKind, operation: Operation): readonly ValidationRule[] {
    return this.byKind.get(kind)?.rules.get(operation) ?? [];
  }

  mutatorsFor(kind: GroupKind, operation: Operation): readonly Mutator[] {
    return this.byKind.get(kind)?.mutators.get(operation) ?? [];
  }

  /** Whether any rule or mutator looks at this kind. */
  covers(kind: GroupKind): boolean {
    return this.byKind.has(kind);
  }

  /** Every kind the rules read from the view or review: what the store must cache. */
  kindsToCache(): GroupKind[] {
    const kinds = new Set<GroupKind>(this.byKind.keys());
    for (const family of this.families) for (const kind of family.reads) kinds.add(kind.groupKind);
    return [...kinds].sort();
  }

  /** Adds every family's indexes to the store; an index declared by two families is added once. */
  registerIndexes(store: Pick<ResourceStore, 'addEqualityIndex' | 'addRangeIndex'>): void {
    const seen = new Set<string>();
    const firstTime = (kind: GroupKind, name: string, type: string): boolean => {
      const key = `${type}|${kind}|${name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    for (const family of this.families) {
      for (const spec of family.equalityIndexes ?? []) {
        if (firstTime(spec.kind, spec.name, 'equality')) store.addEqualityIndex(spec);
      }
      for (const spec of family.rangeIndexes ?? []) {
        if (firstTime(spec.kind, spec.name, 'range')) store.addRangeIndex(spec);
      }
    }
  }
}
