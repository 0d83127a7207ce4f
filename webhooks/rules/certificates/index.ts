import { DOMAIN } from '../../../shared/kube/schemas/alauda-domain.js';
import { REFERENCE_GRANT } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { RuleFamily } from '../types.js';
import { albCertificatesRule } from './alb-certificates.js';
import { domainBoundSecretRule } from './domain-bound-secret.js';
import { domainCertificateRule } from './domain-certificate.js';
import { domainNameRule } from './domain-name.js';
import { domainUniqueRule } from './domain-unique.js';
import { gatewayCertificatesRule } from './gateway-certificates.js';
import { domainNameIndex, domainSecretIndex } from './indexes.js';
import { ingressTlsRule } from './ingress-tls.js';
import { tlsSecretRule } from './tls-secret.js';

/**
 * Certificates and domains: TLS Secrets, platform Domains and the certificates they bind, and the
 * certificates Gateway listeners, Ingresses and ALBs serve. Secrets are read on demand, never cached.
 */
export const certificatesFamily: RuleFamily = {
  name: 'certificates',
  rules: [
    tlsSecretRule,
    domainBoundSecretRule,
    domainNameRule,
    domainUniqueRule,
    domainCertificateRule,
    gatewayCertificatesRule,
    ingressTlsRule,
    albCertificatesRule,
  ],
  mutators: [],
  equalityIndexes: [domainNameIndex, domainSecretIndex],
  reads: [DOMAIN, REFERENCE_GRANT],
};
