import { createHash } from 'node:crypto';

/** Names of the objects a Route is migrated to. Each is derived from the Route, so a rerun makes the same. */

function hash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

export const httpRouteName = (route: string) => route;
export const redirectRouteName = (route: string) => `${route}-redirect`;
export const tlsRouteName = (route: string) => route;
export const certificateSecretName = (route: string) => `${route}-tls`;
export const destinationCaName = (route: string) => `${route}-destination-ca`;
export const backendTlsPolicyName = (route: string) => `${route}-backend-tls`;
export const referenceGrantName = (route: string) => `${route}-gateway-tls`;
export const trafficPolicyName = (route: string) => route;
export const securityPolicyName = (route: string) => route;
export const connectionLimitPolicyName = (gateway: string) => `${gateway}-connection-limit`;

/** A label value naming the Route: its name, or a hash of it when the name is no label value. */
export function routeLabelValue(route: string): string {
  return route.length <= 63 && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(route)
    ? route
    : `h-${hash(route, 16)}`;
}

/** The session cookie of a Route without router.openshift.io/cookie_name (the router hashes its key too). */
export function defaultCookieName(namespace: string, route: string): string {
  return `route-${hash(`${namespace}/${route}`, 16)}`;
}

/** A listener name for a host: `https-shop.example.com`, `tls-wildcard.example.com` for `*.example.com`. */
export function hostListenerName(prefix: 'https' | 'tls', hostname: string): string {
  const host = hostname.startsWith('*.') ? `wildcard.${hostname.slice(2)}` : hostname;
  const name = `${prefix}-${host}`;
  return name.length <= 253 ? name : `${prefix}-${hash(hostname, 16)}`;
}
