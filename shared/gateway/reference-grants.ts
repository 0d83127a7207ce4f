import type { ReferenceGrant } from '../kube/schemas/gateway-api/reference-grant.js';

export interface GrantFrom {
  group: string;
  kind: string;
  namespace: string;
}

export interface GrantTo {
  group: string;
  kind: string;
  name: string;
}

/**
 * Whether one of `grants` (ReferenceGrants in the target's namespace) lets `from` refer to `to`.
 * A `to` entry without a name allows every object of that kind.
 */
export function referenceGrantAllows(
  grants: readonly ReferenceGrant[],
  from: GrantFrom,
  to: GrantTo,
): boolean {
  return grants.some(
    (grant) =>
      grant.spec.from.some(
        (f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace,
      ) &&
      grant.spec.to.some(
        (t) => t.group === to.group && t.kind === to.kind && (t.name === undefined || t.name === to.name),
      ),
  );
}
