import type { KubeObject } from '../../../shared/kube/object.js';
import { DOMAIN } from '../../../shared/kube/schemas/alauda-domain.js';
import { deny, warn } from '../findings.js';
import type { ValidationRule } from '../types.js';
import { describeDomain, readDomain } from './domain.js';
import { DOMAIN_NAME_INDEX, domainNameKey } from './indexes.js';

const RULE = 'certificates/domain-unique';

function nameKeyOf(obj: KubeObject): string | undefined {
  const { name, cluster } = readDomain(obj);
  return name === undefined ? undefined : domainNameKey(cluster, name);
}

/**
 * One Domain per name and cluster: the same spec.name may be shared across clusters (one Domain per
 * `cluster.cpaas.io/name`), never twice for one cluster. An UPDATE that leaves name and cluster as
 * they were only warns about a duplicate that predates the webhook, so it can still be edited.
 */
export const domainUniqueRule: ValidationRule = {
  id: RULE,
  kinds: [DOMAIN],
  check({ object, oldObject, operation, view }) {
    const { name, cluster } = readDomain(object);
    if (!name) return [];
    const key = domainNameKey(cluster, name);
    const unchanged = operation === 'UPDATE' && oldObject !== undefined && nameKeyOf(oldObject) === key;
    const where = cluster ? `cluster ${cluster}` : 'no cluster (unassigned)';
    return view
      .byIndex(DOMAIN, DOMAIN_NAME_INDEX, key)
      .filter((other) => other.metadata.name !== object.metadata.name)
      .map((other) => {
        const message = `domain ${name} is already defined for ${where}`;
        return unchanged
          ? warn(RULE, 'spec.name', message, 'DuplicateDomain', describeDomain(other))
          : deny(RULE, 'spec.name', message, 'DuplicateDomain', describeDomain(other));
      });
  },
};
