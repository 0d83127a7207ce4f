import type { ALB2, SslStrategy } from '../kube/schemas/alb.js';

/** A setting's value and the field it was read from. */
export interface AlbSetting<V> {
  value: V;
  field: string;
}

/** The operator reads `spec.config.<key>`; the guide's first example writes some keys at spec level. */
function configOrSpec<V>(
  key: string,
  fromConfig: V | undefined,
  fromSpec: V | undefined,
): AlbSetting<V> | undefined {
  if (fromConfig !== undefined) return { value: fromConfig, field: `spec.config.${key}` };
  return fromSpec !== undefined ? { value: fromSpec, field: `spec.${key}` } : undefined;
}

export function albReplicas(alb: ALB2): AlbSetting<number> | undefined {
  return configOrSpec('replicas', alb.spec.config?.replicas, alb.spec.replicas);
}

/** The projects whose Ingresses and users the ALB serves (`ALL_ALL` for every project). */
export function albProjects(alb: ALB2): AlbSetting<readonly string[]> | undefined {
  return configOrSpec('projects', alb.spec.config?.projects, alb.spec.projects);
}

/** The address users reach the ALB at: `spec.address`, else `spec.config.address` (comma separated). */
export function albAddress(alb: ALB2): string {
  return alb.spec.address ?? alb.spec.config?.address ?? '';
}

/** What the ALB does for Ingresses without a certificate; without a default certificate it can only serve http. */
export interface SslDefaults {
  strategy: SslStrategy;
  /** `.spec.config.defaultSSLCert`, `<namespace>/<secret>`; undefined when unset or empty. */
  certificate: string | undefined;
}

export function sslDefaults(alb: ALB2): SslDefaults {
  return {
    strategy: alb.spec.config?.defaultSSLStrategy ?? 'Never',
    certificate: alb.spec.config?.defaultSSLCert || undefined,
  };
}

/** The ports of the Frontends the ALB makes for Ingresses: 80 and 443 unless configured. */
export function ingressPort(alb: ALB2, protocol: 'http' | 'https'): number {
  const config = alb.spec.config;
  return protocol === 'http' ? (config?.ingressHTTPPort ?? 80) : (config?.ingressHTTPSPort ?? 443);
}
