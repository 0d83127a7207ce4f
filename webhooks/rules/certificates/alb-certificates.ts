import { dig, text } from '../../../shared/kube/fields.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { ALB_RULE, ALB2, FRONTEND } from '../../../shared/kube/schemas/alb.js';
import type { ValidationRule } from '../types.js';
import { adviseOnCertificate, type HostToCover, splitNamespacedName } from './certificate-advice.js';

const RULE = 'certificates/alb-certificates';

interface CertificateField {
  field: string;
  value: string | undefined;
  hosts: HostToCover[];
}

/** Where each ALB kind names a certificate (`$secret_ns/$secret_name`) and the host it serves. */
function certificateFieldOf(obj: KubeObject): CertificateField {
  if (obj.kind === 'ALB2') {
    return {
      field: 'spec.config.defaultSSLCert',
      value: text(dig(obj, 'spec', 'config', 'defaultSSLCert')),
      hosts: [],
    };
  }
  const domain = obj.kind === 'Rule' ? text(dig(obj, 'spec', 'domain')) : undefined;
  return {
    field: 'spec.certificate_name',
    value: text(dig(obj, 'spec', 'certificate_name')),
    hosts: domain ? [{ host: domain, field: 'spec.domain' }] : [],
  };
}

/**
 * ALB certificates (Frontend and Rule `certificate_name`, ALB2 `defaultSSLCert`): advice only, as ALB
 * objects are often generated from Ingresses. Warn when the Secret is absent or unusable, or when a
 * Rule's certificate does not cover its domain. The `ns/name` format itself is the schema's to check.
 */
export const albCertificatesRule: ValidationRule = {
  id: RULE,
  kinds: [ALB2, FRONTEND, ALB_RULE],
  async check({ object, view, settings }) {
    const { field, value, hosts } = certificateFieldOf(object);
    const secret = value ? splitNamespacedName(value) : undefined;
    if (!secret) return [];
    return adviseOnCertificate(view, settings.now(), {
      rule: RULE,
      field,
      ...secret,
      hosts,
      whenAbsent: 'HTTPS on this port fails until it exists',
    });
  },
};
