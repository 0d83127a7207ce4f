import { groupKindOf, type KubeObject } from '../../../shared/kube/object.js';
import { ALB_RULE, ALB2, FRONTEND } from '../../../shared/kube/schemas/alb.js';
import type { ValidationRule } from '../types.js';
import {
  ADVICE_REASONS,
  adviseOnCertificate,
  type HostToCover,
  splitNamespacedName,
} from './lib/certificate-advice.js';

const RULE = 'certificates/alb-certificates';

interface CertificateField {
  field: string;
  value: string | undefined;
  hosts: HostToCover[];
}

/**
 * Where each ALB kind names a certificate (`$secret_ns/$secret_name`) and the host it serves. The
 * object under review is its kind's reading, so reading it again as that kind costs nothing.
 */
function certificateFieldOf(object: KubeObject): CertificateField | undefined {
  switch (groupKindOf(object)) {
    case ALB2.groupKind: {
      const alb = ALB2.read(object).object;
      return (
        alb && { field: 'spec.config.defaultSSLCert', value: alb.spec.config?.defaultSSLCert, hosts: [] }
      );
    }
    case FRONTEND.groupKind: {
      const frontend = FRONTEND.read(object).object;
      return frontend && { field: 'spec.certificate_name', value: frontend.spec.certificate_name, hosts: [] };
    }
    case ALB_RULE.groupKind: {
      const rule = ALB_RULE.read(object).object;
      const domain = rule?.spec.domain;
      return (
        rule && {
          field: 'spec.certificate_name',
          value: rule.spec.certificate_name,
          hosts: domain ? [{ host: domain, field: 'spec.domain' }] : [],
        }
      );
    }
    default:
      return undefined;
  }
}

/**
 * ALB certificates (Frontend and Rule `certificate_name`, ALB2 `defaultSSLCert`): advice only, as ALB
 * objects are often generated from Ingresses. Warn when the Secret is absent or unusable, or when a
 * Rule's certificate does not cover its domain. The `ns/name` format itself is the schema's to check.
 */
export const albCertificatesRule: ValidationRule = {
  id: RULE,
  kinds: [ALB2, FRONTEND, ALB_RULE],
  reasons: ADVICE_REASONS,
  guide: 'Https',
  async check({ object, view, settings }) {
    const certificate = certificateFieldOf(object);
    const secret = certificate?.value ? splitNamespacedName(certificate.value) : undefined;
    if (!certificate || !secret) return [];
    return adviseOnCertificate(view, settings.now(), {
      rule: RULE,
      field: certificate.field,
      ...secret,
      hosts: certificate.hosts,
      whenAbsent: 'HTTPS on this port fails until it exists',
    });
  },
};
