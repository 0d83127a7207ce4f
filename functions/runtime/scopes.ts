/**
 * Which objects functions need cached: whole kinds, or, where every function using a kind scopes
 * it, only the named objects (a function that needs kube-system/ovn-ic-config is not given every
 * ConfigMap of the cluster, and its RBAC names that one ConfigMap).
 */
import type { GroupKind, ObjectKey } from '../../shared/kube/object.js';
import type { CacheScope, CacheTarget } from '../../shared/kube/store.js';
import type { EventFunction } from './contract.js';

/** Whether an event of `key` concerns the function: always, unless it scopes the kind and not the object. */
export function inScope(fn: EventFunction, key: ObjectKey): boolean {
  const scopes = (fn.scopes ?? []).filter((scope) => scope.kind.groupKind === key.groupKind);
  return (
    scopes.length === 0 ||
    scopes.some(
      (scope) => !scope.readOnly && scope.namespace === key.namespace && scope.names.includes(key.name),
    )
  );
}

/**
 * The cache targets of `which` kinds (`consumes`, or consumed and read): a kind whole when some
 * function uses it without a scope, else the union of the functions' scopes of it.
 */
export function cacheTargetsOf(
  functions: readonly EventFunction[],
  which: 'consumes' | 'all',
): CacheTarget[] {
  const whole = new Set<GroupKind>();
  const scoped = new Map<string, CacheScope>();
  for (const fn of functions) {
    const kinds = which === 'consumes' ? fn.consumes : [...fn.consumes, ...fn.reads];
    for (const kind of kinds) {
      const scopes = (fn.scopes ?? []).filter((scope) => scope.kind.groupKind === kind.groupKind);
      if (scopes.length === 0) whole.add(kind.groupKind);
      for (const scope of scopes) {
        if (which === 'consumes' && scope.readOnly) continue;
        const id = `${kind.groupKind}|${scope.namespace}`;
        const names = new Set([...(scoped.get(id)?.names ?? []), ...scope.names]);
        scoped.set(id, { kind: kind.groupKind, namespace: scope.namespace, names: [...names].sort() });
      }
    }
  }
  return [...whole, ...[...scoped.values()].filter((scope) => !whole.has(scope.kind))];
}
