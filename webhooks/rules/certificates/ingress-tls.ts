import { ALB_TLS_ANNOTATION } from '../../../shared/kube/keys/alb.js';
import { formatPath } from '../../../shared/kube/schema-issues.js';
import type { Ingress } from '../../../shared/kube/schemas/ingress.js';
import { INGRESS } from '../../../shared/kube/schemas/ingress.js';
import type { Finding, ValidationRule } from '../types.js';
import { ADVICE_REASONS, adviseOnCertificate, splitNamespacedName } from './lib/certificate-advice.js';

const RULE = 'certificates/ingress-tls';
const DEFAULT_SERVED = 'the default certificate is served instead';

/** The `host=ns/secret` entries of the ALB TLS annotation that name a host and a Secret. */
function annotatedCertificates(
  annotation: string | undefined,
): { host: string; namespace: string; name: string }[] {
  return (annotation ?? '').split(',').flatMap((entry) => {
    const [host, ref, extra] = entry.trim().split('=');
    const secret = ref === undefined ? undefined : splitNamespacedName(ref);
    return host && secret && extra === undefined ? [{ host, ...secret }] : [];
  });
}

/**
 * Ingress certificates: advice only, since controllers fall back to a default certificate. Warn when a
 * Secret of `spec.tls` or of the ALB TLS annotation is absent or unusable, or its certificate does not
 * cover the hosts it is meant for. Malformed annotation entries are left to the ingress family.
 */
export const ingressTlsRule: ValidationRule<Ingress> = {
  id: RULE,
  kinds: [INGRESS],
  reasons: ADVICE_REASONS,
  guide: '配置 Ingresses',
  async check({ object, view, settings }) {
    const namespace = object.metadata.namespace ?? '';
    const now = settings.now();
    const findings: Finding[] = [];
    for (const [i, tls] of (object.spec?.tls ?? []).entries()) {
      const name = tls.secretName;
      if (!name) continue;
      const hosts = (tls.hosts ?? []).map((host, j) => ({ host, field: `spec.tls[${i}].hosts[${j}]` }));
      findings.push(
        ...(await adviseOnCertificate(view, now, {
          rule: RULE,
          field: `spec.tls[${i}].secretName`,
          namespace,
          name,
          hosts,
          whenAbsent: DEFAULT_SERVED,
        })),
      );
    }
    const field = formatPath(['metadata', 'annotations', ALB_TLS_ANNOTATION]);
    for (const { host, ...secret } of annotatedCertificates(
      object.metadata.annotations?.[ALB_TLS_ANNOTATION],
    )) {
      findings.push(
        ...(await adviseOnCertificate(view, now, {
          rule: RULE,
          field,
          ...secret,
          hosts: [{ host, field }],
          whenAbsent: DEFAULT_SERVED,
        })),
      );
    }
    return findings;
  },
};
