import type { Domain } from '../../../shared/kube/schemas/alauda-domain.js';
import { DOMAIN } from '../../../shared/kube/schemas/alauda-domain.js';
import type { Secret } from '../../../shared/kube/schemas/core.js';
import { SECRET } from '../../../shared/kube/schemas/core.js';
import { certificateCoversHost, certificateNames, describeNames } from '../../../shared/tls/hostname.js';
import { checkTlsSecret, TLS_SECRET_TYPE } from '../../../shared/tls/secret.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { DOMAIN_SECRET_INDEX } from './indexes.js';
import { describeDomain } from './lib/domain.js';
import { secretContentUnchanged } from './lib/secret-content.js';

const RULE = 'certificates/domain-bound-secret';

function boundDomains(ctx: AdmissionContext<Secret>): readonly Domain[] {
  if ((ctx.object.metadata.namespace ?? '') !== ctx.settings.platformNamespace) return [];
  return ctx.view.byIndex(DOMAIN, DOMAIN_SECRET_INDEX, ctx.object.metadata.name ?? '');
}

function updateFindings(secret: Secret, domains: readonly Domain[], now: Date): Finding[] {
  const findings: Finding[] = [];
  if (secret.type !== TLS_SECRET_TYPE) {
    for (const domain of domains) {
      findings.push(
        deny(
          RULE,
          'type',
          `must stay ${TLS_SECRET_TYPE}: a Domain binds this certificate`,
          'BoundCertificate',
          describeDomain(domain),
        ),
      );
    }
    return findings;
  }
  const check = checkTlsSecret(secret, now);
  const leaf = check.chain?.[0];
  // Content errors are the tls-secret rule's to report; here only what breaks the bound Domains.
  for (const problem of check.problems) {
    if (problem.code !== 'Expired' && problem.code !== 'NotYetValid') continue;
    for (const domain of domains) {
      findings.push(
        deny(
          RULE,
          problem.field,
          `${problem.message}, but a Domain serves it`,
          problem.code,
          describeDomain(domain),
        ),
      );
    }
  }
  if (!leaf) return findings;
  for (const domain of domains) {
    const name = domain.spec.name;
    if (!certificateCoversHost(leaf, name)) {
      findings.push(
        deny(
          RULE,
          check.certificateField,
          `no longer covers ${name} (it names ${describeNames(certificateNames(leaf))}); a bound certificate may be renewed, not replaced by one for other names`,
          'CertificateNameMismatch',
          describeDomain(domain),
        ),
      );
    }
  }
  return findings;
}

/**
 * Secrets bound to Domains (platform namespace, named by `cpaas.io/secret-ref`): an update must keep
 * a certificate the Domains can serve (still TLS, valid now, covering their names) unless it leaves
 * type and data alone; deleting one warns that the Domains lose their certificate.
 */
export const domainBoundSecretRule: ValidationRule<Secret> = {
  id: RULE,
  kinds: [SECRET],
  operations: ['UPDATE', 'DELETE'],
  reasons: ['BoundCertificate', 'Expired', 'NotYetValid', 'CertificateNameMismatch'],
  guide: '配置域名',
  check(ctx) {
    const domains = boundDomains(ctx);
    if (domains.length === 0) return [];
    if (ctx.operation === 'DELETE') {
      return domains.map((domain) =>
        warn(
          RULE,
          'metadata.name',
          'is the certificate of a Domain, which loses HTTPS until it binds another Secret',
          'BoundCertificate',
          describeDomain(domain),
        ),
      );
    }
    if (secretContentUnchanged(ctx)) return [];
    return updateFindings(ctx.object, domains, ctx.settings.now());
  },
};
