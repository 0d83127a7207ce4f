import { isPlainObject } from './json-value.js';
import type { KubeObject } from './object.js';

/**
 * The members of the map at `path` (e.g. ['metadata', 'labels']) that `manager` last sent with
 * server-side apply, read from the object's managedFields (FieldsV1: `{"f:metadata": {"f:labels":
 * {"f:key": {}}}}`). Both the API server and MemoryStore keep managedFields on stored objects.
 */
export function appliedMapKeys(object: KubeObject, manager: string, path: readonly string[]): string[] {
  const keys = new Set<string>();
  const entries: unknown = object.metadata.managedFields;
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (!isPlainObject(entry)) continue;
    if (entry['manager'] !== manager || entry['operation'] !== 'Apply' || entry['subresource']) continue;
    let fields: unknown = entry['fieldsV1'];
    for (const segment of path) fields = isPlainObject(fields) ? fields[`f:${segment}`] : undefined;
    if (!isPlainObject(fields)) continue;
    for (const member of Object.keys(fields)) if (member.startsWith('f:')) keys.add(member.slice(2));
  }
  return [...keys];
}
