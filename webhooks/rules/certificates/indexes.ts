import { equalityIndex } from '../../../shared/kube/model/indexes.js';
import { DOMAIN } from '../../../shared/kube/schemas/alauda-domain.js';
import { clusterOf, secretRefOf } from './lib/domain.js';

/** Domains by cluster and lowercased spec.name: one name per cluster. */
export const DOMAIN_NAME_INDEX = 'certificates/domain-name-by-cluster';
/** Domains by the Secret (in the platform namespace) they bind. */
export const DOMAIN_SECRET_INDEX = 'certificates/domain-secret-ref';

export function domainNameKey(cluster: string, name: string): string {
  return `${cluster}\u0000${name.toLowerCase()}`;
}

export const domainNameIndex = equalityIndex(DOMAIN, DOMAIN_NAME_INDEX, (domain) => [
  domainNameKey(clusterOf(domain), domain.spec.name),
]);

export const domainSecretIndex = equalityIndex(DOMAIN, DOMAIN_SECRET_INDEX, (domain) => {
  const secretRef = secretRefOf(domain);
  return secretRef ? [secretRef] : [];
});
