import type { KubeObject } from '../../../shared/kube/object.js';
import { DOMAIN } from '../../../shared/kube/schemas/alauda-domain.js';
import { SECRET } from '../../../shared/kube/schemas/core.js';
import { certificateCoversHost, certificateNames, describeNames } from '../../../shared/tls/hostname.js';
import { checkTlsSecret, TLS_SECRET_TYPE } from '../../../shared/tls/secret.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { describeDomain, readDomain } from './domain.js';
import { DOMAIN_SECRET_INDEX } from './indexes.js';
import { secretContentUnchanged } from './secret-content.js';

const RULE = 'certificates/domain-bound-secret';

function boundDomains(ctx: AdmissionContext): readonly KubeObject[] {
  if ((ctx.object.metadata.namespace ?? '') !== ctx.settings.platformNamespace) return [];
  return ctx.view.byIndex(DOMAIN, DOMAIN_SECRET_INDEX, ctx.object.metadata.name ?? '');
}

function updateFindings(secret: KubeObject, domains: readonly KubeObject[], now: Date): Finding[] {
  const findings: Finding[] = [];
  if (secret['type'] !== TLS_SECRET_TYPE) {
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
    const { name } = readDomain(domain);
    if (name && !certificateCoversHost(leaf, name)) {
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
export const domainBoundSecretRule: ValidationRule = {
  id: RULE,
  kinds: [SECRET],
  operations: ['UPDATE', 'DELETE'],
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
