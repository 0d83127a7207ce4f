import { DOMAIN } from '../../../shared/kube/schemas/alauda-domain.js';
import type { EqualityIndexSpec } from '../../../shared/kube/store.js';
import { readDomain } from './domain.js';

/** Domains by cluster and lowercased spec.name: one name per cluster. */
export const DOMAIN_NAME_INDEX = 'certificates/domain-name-by-cluster';
/** Domains by the Secret (in the platform namespace) they bind. */
export const DOMAIN_SECRET_INDEX = 'certificates/domain-secret-ref';

export function domainNameKey(cluster: string, name: string): string {
  return `${cluster}\u0000${name.toLowerCase()}`;
}

export const domainNameIndex: EqualityIndexSpec = {
  kind: DOMAIN.groupKind,
  name: DOMAIN_NAME_INDEX,
  keys(obj) {
    const { name, cluster } = readDomain(obj);
    return name ? [domainNameKey(cluster, name)] : [];
  },
};

export const domainSecretIndex: EqualityIndexSpec = {
  kind: DOMAIN.groupKind,
  name: DOMAIN_SECRET_INDEX,
  keys(obj) {
    const { secretRef } = readDomain(obj);
    return secretRef ? [secretRef] : [];
  },
};
