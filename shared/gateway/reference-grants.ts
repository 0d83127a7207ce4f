import { array, dig, record, text } from '../kube/fields.js';
import type { KubeObject } from '../kube/object.js';

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
export function referenceGrantAllows(grants: readonly KubeObject[], from: GrantFrom, to: GrantTo): boolean {
  return grants.some((grant) => {
    const fromOk = array(dig(grant, 'spec', 'from')).some((f) => {
      const r = record(f);
      return (
        (text(r?.group) ?? '') === from.group &&
        text(r?.kind) === from.kind &&
        text(r?.namespace) === from.namespace
      );
    });
    if (!fromOk) return false;
    return array(dig(grant, 'spec', 'to')).some((t) => {
      const r = record(t);
      const name = text(r?.name);
      return (
        (text(r?.group) ?? '') === to.group &&
        text(r?.kind) === to.kind &&
        (name === undefined || name === to.name)
      );
    });
  });
}
