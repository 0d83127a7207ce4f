/** Where a kind lives in the API: what discovery tells about one group/version/kind. */
export interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

export function apiVersionOf(info: Pick<ResourceInfo, 'group' | 'version'>): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** `/api/v1` for the core group, `/apis/<group>/<version>` otherwise. */
export function groupVersionPath(group: string, version: string): string {
  return group ? `/apis/${group}/${version}` : `/api/${version}`;
}

function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * The collection of a kind: in one namespace, or across all namespaces (namespace undefined or
 * empty). Cluster-scoped kinds ignore the namespace.
 */
export function collectionPath(info: ResourceInfo, namespace?: string): string {
  const base = groupVersionPath(info.group, info.version);
  if (info.namespaced && namespace) return `${base}/namespaces/${segment(namespace)}/${info.plural}`;
  return `${base}/${info.plural}`;
}

export function objectPath(info: ResourceInfo, namespace: string, name: string): string {
  return `${collectionPath(info, namespace)}/${segment(name)}`;
}

export function statusPath(info: ResourceInfo, namespace: string, name: string): string {
  return `${objectPath(info, namespace, name)}/status`;
}

/** Appends query parameters in the order given; undefined values are left out. */
export function withQuery(
  path: string,
  params: Record<string, string | number | boolean | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) query.append(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
