import { sslDefaults } from '../../shared/alb/settings.js';
import { ALB_ENABLE_HTTPS_ANNOTATION, ALB_TLS_ANNOTATION } from '../../shared/kube/keys/alb.js';
import type { ALB2 } from '../../shared/kube/schemas/alb.js';
import type { Ingress } from '../../shared/kube/schemas/ingress.js';

/** Which frontends a host's rules go to, and the certificate (`ns/secret`) of the https ones. */
export interface Listeners {
  http: boolean;
  https: boolean;
  certificate?: string;
}

/** `alb.networking.cpaas.io/tls: host=ns/secret,host2=ns/secret2` → host → `ns/secret`. */
export function parseTlsAnnotation(value: string | undefined): Map<string, string> {
  const certs = new Map<string, string>();
  if (!value) return certs;
  for (const entry of value.split(',')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) continue;
    const host = entry.slice(0, eq).trim();
    const cert = entry.slice(eq + 1).trim();
    if (host && /^[^/\s]+\/[^/\s]+$/.test(cert)) certs.set(host, cert);
  }
  return certs;
}

/** The certificate an Ingress gives a host: the annotation first (it may cross namespaces), then spec.tls. */
export function certificateFor(ingress: Ingress, host: string): string | undefined {
  const annotated = parseTlsAnnotation(ingress.metadata.annotations?.[ALB_TLS_ANNOTATION]).get(host);
  if (annotated) return annotated;
  for (const tls of ingress.spec?.tls ?? []) {
    if (tls.secretName && (tls.hosts ?? []).includes(host))
      return `${ingress.metadata.namespace}/${tls.secretName}`;
  }
  return undefined;
}

function httpsRequested(ingress: Ingress): boolean {
  return ingress.metadata.annotations?.[ALB_ENABLE_HTTPS_ANNOTATION] === 'true';
}

/**
 * A host with its own certificate is served on https. Otherwise the ALB's defaultSSLStrategy decides:
 * Never (the default) http only; Always https only with defaultSSLCert; Both http and https;
 * Request https only when the Ingress asks with the enable-https annotation. Without a
 * defaultSSLCert no https rule can be made, so such hosts stay on http.
 */
export function listenersFor(ingress: Ingress, host: string, alb: ALB2): Listeners {
  const own = certificateFor(ingress, host);
  if (own) return { http: false, https: true, certificate: own };
  const { strategy, certificate: fallback } = sslDefaults(alb);
  if (!fallback || strategy === 'Never') return { http: true, https: false };
  switch (strategy) {
    case 'Always':
      return { http: false, https: true, certificate: fallback };
    case 'Both':
      return { http: true, https: true, certificate: fallback };
    case 'Request':
      return httpsRequested(ingress)
        ? { http: false, https: true, certificate: fallback }
        : { http: true, https: false };
  }
}
