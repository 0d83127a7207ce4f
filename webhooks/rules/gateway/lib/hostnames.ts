/**
 * Hostname matching between listeners and routes (Gateway API): a leading `*.` label matches one
 * or more labels but never the bare domain; `*` alone and an absent hostname match everything.
 */
function isWildcard(host: string): boolean {
  return host.startsWith('*.');
}

/** Whether `wildcard` (e.g. `*.example.com`) covers the concrete or wildcard host `host`. */
function wildcardCovers(wildcard: string, host: string): boolean {
  const suffix = wildcard.slice(1); // ".example.com"
  const bare = isWildcard(host) ? host.slice(2) : host;
  return bare.length > suffix.length - 1 && `.${bare}`.endsWith(suffix) && bare !== suffix.slice(1);
}

export function hostnamesIntersect(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === '*' || y === '*' || x === y) return true;
  if (isWildcard(x) && wildcardCovers(x, y)) return true;
  if (isWildcard(y) && wildcardCovers(y, x)) return true;
  return false;
}

/** Whether a route with `routeHostnames` can serve any host of a listener with `listenerHostname`. */
export function routeMatchesListenerHostname(
  listenerHostname: string | undefined,
  routeHostnames: readonly string[],
): boolean {
  if (listenerHostname === undefined || routeHostnames.length === 0) return true;
  return routeHostnames.some((h) => hostnamesIntersect(listenerHostname, h));
}
