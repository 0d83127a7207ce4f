import type { KubeObject } from '../object.js';

/** Field managers whose managedFields entries the cache keeps: acpnet's own (`acpnet-<function>`). */
export const CACHED_MANAGER_PREFIX = 'acpnet-';

/**
 * The form in which an object is cached: without the managedFields entries of other managers. The
 * rules never read managedFields, and an applier only asks what its own manager applied; the rest is
 * often as large as the object's spec and would take that much memory in every cached object.
 */
export function cachedForm(obj: KubeObject): KubeObject {
  const entries = obj.metadata.managedFields;
  if (!Array.isArray(entries) || entries.length === 0) return obj;
  const kept = entries.filter((entry) => {
    const manager = (entry as { manager?: unknown }).manager;
    return typeof manager === 'string' && manager.startsWith(CACHED_MANAGER_PREFIX);
  });
  if (kept.length === entries.length) return obj;
  const { managedFields: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata: kept.length > 0 ? { ...metadata, managedFields: kept } : metadata };
}
