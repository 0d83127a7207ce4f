import type { KubeObject } from '../../../../shared/kube/object.js';
import { formatPath } from '../../../../shared/kube/schema-issues.js';

export function labelField(key: string): string {
  return formatPath(['metadata', 'labels', key]);
}

/** A label's value; an empty value names nothing. */
export function labelOf(obj: Pick<KubeObject, 'metadata'>, key: string): string | undefined {
  return obj.metadata.labels?.[key] || undefined;
}
