import { formatPath } from '../../../../shared/kube/schema-issues.js';
import {
  DOMAIN_CLUSTER_LABEL,
  DOMAIN_SECRET_REF_ANNOTATION,
  type Domain,
} from '../../../../shared/kube/schemas/alauda-domain.js';

export const SECRET_REF_FIELD = formatPath(['metadata', 'annotations', DOMAIN_SECRET_REF_ANNOTATION]);

/** The cluster a Domain is assigned to (`cluster.cpaas.io/name`); '' when unassigned. */
export function clusterOf(domain: Domain): string {
  return domain.metadata.labels?.[DOMAIN_CLUSTER_LABEL] ?? '';
}

/** The certificate Secret a Domain binds (`cpaas.io/secret-ref`); undefined when absent or empty. */
export function secretRefOf(domain: Domain): string | undefined {
  return domain.metadata.annotations?.[DOMAIN_SECRET_REF_ANNOTATION]?.trim() || undefined;
}

export function describeDomain(domain: Domain): string {
  return `Domain ${domain.metadata.name ?? '<unnamed>'}`;
}
