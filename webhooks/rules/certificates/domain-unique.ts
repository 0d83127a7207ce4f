import type { Domain } from '../../../shared/kube/schemas/alauda-domain.js';
import { DOMAIN } from '../../../shared/kube/schemas/alauda-domain.js';
import { deny, warn } from '../findings.js';
import type { ValidationRule } from '../types.js';
import { DOMAIN_NAME_INDEX, domainNameKey } from './indexes.js';
import { clusterOf, describeDomain } from './lib/domain.js';

const RULE = 'certificates/domain-unique';

function nameKeyOf(domain: Domain): string {
  return domainNameKey(clusterOf(domain), domain.spec.name);
}

/**
 * One Domain per name and cluster: the same spec.name may be shared across clusters (one Domain per
 * `cluster.cpaas.io/name`), never twice for one cluster. An UPDATE that leaves name and cluster as
 * they were only warns about a duplicate that predates the webhook, so it can still be edited.
 */
export const domainUniqueRule: ValidationRule<Domain> = {
  id: RULE,
  kinds: [DOMAIN],
  reasons: ['DuplicateDomain'],
  guide: '多集群共享同一域名',
  check({ object, oldObject, operation, view }) {
    const name = object.spec.name;
    const cluster = clusterOf(object);
    const key = nameKeyOf(object);
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
