import { array, dig, record, text } from '../../../shared/kube/fields.js';
import { formatPath } from '../../../shared/kube/schema-issues.js';
import { INGRESS } from '../../../shared/kube/schemas/ingress.js';
import type { Finding, ValidationRule } from '../types.js';
import { adviseOnCertificate, splitNamespacedName } from './certificate-advice.js';

const RULE = 'certificates/ingress-tls';
/** ALB's per-host certificates, possibly in other namespaces: `host=ns/secret,host2=ns/secret2`. */
export const ALB_TLS_ANNOTATION = 'alb.networking.cpaas.io/tls';
const DEFAULT_SERVED = 'the default certificate is served instead';

/**
 * Ingress certificates: advice only, since controllers fall back to a default certificate. Warn when a
 * Secret of `spec.tls` or of the ALB TLS annotation is absent or unusable, or its certificate does not
 * cover the hosts it is meant for. Malformed annotation entries are left to the ingress family.
 */
export const ingressTlsRule: ValidationRule = {
  id: RULE,
  kinds: [INGRESS],
  async check({ object, view, settings }) {
    const namespace = object.metadata.namespace ?? '';
    const now = settings.now();
    const findings: Finding[] = [];
    for (const [i, entry] of array(dig(object, 'spec', 'tls')).entries()) {
      const tls = record(entry);
      const name = text(tls?.secretName);
      if (!tls || !name) continue;
      const hosts = array(tls.hosts).flatMap((host, j) =>
        typeof host === 'string' ? [{ host, field: `spec.tls[${i}].hosts[${j}]` }] : [],
      );
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
    const annotation = object.metadata.annotations?.[ALB_TLS_ANNOTATION];
    const field = formatPath(['metadata', 'annotations', ALB_TLS_ANNOTATION]);
    for (const entry of (annotation ?? '').split(',')) {
      const [host, ref, extra] = entry.trim().split('=');
      const secret = ref === undefined ? undefined : splitNamespacedName(ref);
      if (!host || !secret || extra !== undefined) continue;
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
