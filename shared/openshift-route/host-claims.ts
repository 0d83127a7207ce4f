import type { Route } from '../kube/schemas/openshift-route.js';

/**
 * Which Route serves a host and path. OpenShift's router admits the oldest Route that claims a host
 * and path (by creationTimestamp) and refuses the others (HostAlreadyClaimed); Routes created in
 * the same second, or read from files without a timestamp, are ordered by namespace and name.
 */

/** The host a Route is served at: spec.host, else the host the router admitted it with. */
export function routeHost(route: Route): string | undefined {
  const host = route.spec.host;
  if (host) return host.toLowerCase();
  const ingress = (route.status as { ingress?: { host?: unknown }[] } | undefined)?.ingress;
  const admitted = ingress?.find((i) => typeof i.host === 'string' && i.host !== '')?.host;
  return typeof admitted === 'string' ? admitted.toLowerCase() : undefined;
}

/** The Gateway API hostname of a Route: `*.<parent domain>` for wildcardPolicy Subdomain. */
export function routeHostname(route: Route): string | undefined {
  const host = routeHost(route);
  if (host === undefined || route.spec.wildcardPolicy !== 'Subdomain') return host;
  const dot = host.indexOf('.');
  return dot < 0 ? host : `*${host.slice(dot)}`;
}

/** `<hostname><path>`: what two Routes must share to compete. */
export function claimKey(route: Route): string | undefined {
  const hostname = routeHostname(route);
  return hostname === undefined ? undefined : `${hostname}${route.spec.path ?? ''}`;
}

function identity(route: Route): string {
  return `${route.metadata.namespace ?? ''}/${route.metadata.name ?? ''}`;
}

/** Negative when `a` is older than `b`: creationTimestamp first (none counts as newest), then identity. */
export function compareAge(a: Route, b: Route): number {
  const ta = a.metadata.creationTimestamp
    ? Date.parse(a.metadata.creationTimestamp)
    : Number.POSITIVE_INFINITY;
  const tb = b.metadata.creationTimestamp
    ? Date.parse(b.metadata.creationTimestamp)
    : Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ia = identity(a);
  const ib = identity(b);
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** The oldest Route of each claim, among `routes` (one Route appearing twice counts once). */
export function claimWinners(routes: Iterable<Route>): Map<string, Route> {
  const winners = new Map<string, Route>();
  for (const route of routes) {
    const key = claimKey(route);
    if (key === undefined) continue;
    const current = winners.get(key);
    if (!current || compareAge(route, current) < 0) winners.set(key, route);
  }
  return winners;
}

export function describeRoute(route: Route): string {
  return `Route ${identity(route)}`;
}
