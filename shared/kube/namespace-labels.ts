import type { ModelView } from './model/model-view.js';
import { NAMESPACE } from './schemas/core.js';

/** The label the API server sets on every Namespace: its own name (selectors may match by it). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The labels a Namespace is matched by: its own plus the API server's `kubernetes.io/metadata.name`. */
export function namespaceLabels(
  namespace: string,
  labels: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return { ...labels, [NAMESPACE_NAME_LABEL]: namespace };
}

/** The labels of a Namespace as selectors see it, whether or not the Namespace is stored (yet). */
export function labelsOfNamespace(view: ModelView, namespace: string): Record<string, string> {
  return namespaceLabels(namespace, view.get(NAMESPACE, '', namespace)?.metadata.labels);
}
