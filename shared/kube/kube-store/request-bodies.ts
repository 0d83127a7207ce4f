import { deepClone } from '../json-value.js';
import type { KubeObject } from '../object.js';
import type { ResourceInfo } from './api-paths.js';

/** Fields the API server sets; an apply or create body must not carry them. */
const SERVER_SET_METADATA = [
  'managedFields',
  'creationTimestamp',
  'generation',
  'deletionTimestamp',
  'selfLink',
];

/** The namespace a request uses: `default` for a namespaced kind given none, none for cluster-scoped kinds. */
export function namespaceFor(info: Pick<ResourceInfo, 'namespaced'>, namespace: string): string {
  if (!info.namespaced) return '';
  return namespace || 'default';
}

/**
 * The body of a server-side apply or create: the object without server-set metadata, in the
 * namespace of the request. uid and resourceVersion stay: the server treats them as preconditions.
 */
export function applyBody(obj: KubeObject, namespace: string): KubeObject {
  const body = deepClone(obj);
  body.metadata = { ...body.metadata };
  for (const field of SERVER_SET_METADATA) delete body.metadata[field];
  if (namespace) body.metadata.namespace = namespace;
  else delete body.metadata.namespace;
  return body;
}
