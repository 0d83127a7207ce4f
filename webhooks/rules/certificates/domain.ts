import { dig, text } from '../../../shared/kube/fields.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { formatPath } from '../../../shared/kube/schema-issues.js';
import {
  DOMAIN_CLUSTER_LABEL,
  DOMAIN_SECRET_REF_ANNOTATION,
} from '../../../shared/kube/schemas/alauda-domain.js';

/** The fields of a Domain the rules use, read defensively (schema validation runs separately). */
export interface DomainFields {
  name: string | undefined;
  kind: string | undefined;
  /** `cluster.cpaas.io/name`; '' when unassigned. */
  cluster: string;
  /** `cpaas.io/secret-ref`; undefined when absent or empty (no certificate bound). */
  secretRef: string | undefined;
}

export const SECRET_REF_FIELD = formatPath(['metadata', 'annotations', DOMAIN_SECRET_REF_ANNOTATION]);

export function readDomain(obj: KubeObject): DomainFields {
  const secretRef = obj.metadata.annotations?.[DOMAIN_SECRET_REF_ANNOTATION]?.trim();
  return {
    name: text(dig(obj, 'spec', 'name')),
    kind: text(dig(obj, 'spec', 'kind')),
    cluster: obj.metadata.labels?.[DOMAIN_CLUSTER_LABEL] ?? '',
    secretRef: secretRef ? secretRef : undefined,
  };
}

export function describeDomain(obj: KubeObject): string {
  return `Domain ${obj.metadata.name ?? '<unnamed>'}`;
}
