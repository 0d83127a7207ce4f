import { ALB_TLS_ANNOTATION } from '../../../../shared/kube/keys/alb.js';
import type { Ingress } from '../../../../shared/kube/schemas/ingress.js';
import { parseAlbTlsAnnotation } from './alb-tls-annotation.js';

export type AccessProtocol = 'http' | 'https';

/** Where one path of an Ingress is reached: host + protocol + path, as the guide forbids twice. */
export interface AccessPoint {
  /** `<namespace>|<host>|<protocol>|<path>`: the equality index key. */
  key: string;
  host: string;
  protocol: AccessProtocol;
  path: string;
  /** `spec.rules[i].http.paths[j].path`. */
  field: string;
  ruleIndex: number;
  pathIndex: number;
}

/** ingress-nginx serves a rule without host on its catch-all server `_`. */
export const ANY_HOST = '_';

/** Hosts served over TLS: those of `spec.tls[].hosts` and of the ALB TLS annotation. */
export function tlsHosts(ingress: Ingress): Set<string> {
  const hosts = new Set<string>();
  for (const tls of ingress.spec?.tls ?? [])
    for (const host of tls.hosts ?? []) hosts.add(host.toLowerCase());
  const annotation = ingress.metadata.annotations?.[ALB_TLS_ANNOTATION];
  if (annotation) {
    for (const entry of parseAlbTlsAnnotation(annotation).entries) hosts.add(entry.host.toLowerCase());
  }
  return hosts;
}

/** Host and path as ingress-nginx keys its servers and locations: no host is `_`, no path is `/`. */
export function normaliseHost(host: string | undefined): string {
  return host ? host.toLowerCase() : ANY_HOST;
}

export function normalisePath(path: string | undefined): string {
  return path ? path : '/';
}

export function accessPointKey(
  namespace: string,
  host: string,
  protocol: AccessProtocol,
  path: string,
): string {
  return `${namespace}|${host}|${protocol}|${path}`;
}

/** Every path of every rule. */
export function accessPointsOf(ingress: Ingress): AccessPoint[] {
  const namespace = ingress.metadata.namespace ?? '';
  const secured = tlsHosts(ingress);
  const out: AccessPoint[] = [];
  for (const [ruleIndex, rule] of (ingress.spec?.rules ?? []).entries()) {
    const host = normaliseHost(rule.host);
    const protocol: AccessProtocol = rule.host && secured.has(host) ? 'https' : 'http';
    for (const [pathIndex, httpPath] of (rule.http?.paths ?? []).entries()) {
      const path = normalisePath(httpPath.path);
      out.push({
        key: accessPointKey(namespace, host, protocol, path),
        host,
        protocol,
        path,
        field: `spec.rules[${ruleIndex}].http.paths[${pathIndex}].path`,
        ruleIndex,
        pathIndex,
      });
    }
  }
  return out;
}

export function describeAccessPoint(point: Pick<AccessPoint, 'host' | 'protocol' | 'path'>): string {
  const host = point.host === ANY_HOST ? '(any host)' : point.host;
  return `${point.protocol}://${host}${point.path}`;
}
