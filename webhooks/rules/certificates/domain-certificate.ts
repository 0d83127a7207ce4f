import type { Domain } from '../../../shared/kube/schemas/alauda-domain.js';
import { DOMAIN } from '../../../shared/kube/schemas/alauda-domain.js';
import { certificateCoversHost, certificateNames, describeNames } from '../../../shared/tls/hostname.js';
import { checkTlsSecret, type TlsProblem } from '../../../shared/tls/secret.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { SECRET_REF_FIELD, secretRefOf } from './lib/domain.js';
import { describeProblem, secretName, TLS_PROBLEM_CODES } from './lib/problems.js';

const RULE = 'certificates/domain-certificate';

/** Problems that stop a Domain from serving its name now: deny when the binding is new. */
const NOT_VALID_NOW = new Set(['Expired', 'NotYetValid']);

function bindingChanged(ctx: AdmissionContext<Domain>): boolean {
  if (ctx.operation !== 'UPDATE' || !ctx.oldObject) return true;
  const before = ctx.oldObject;
  return secretRefOf(ctx.object) !== secretRefOf(before) || ctx.object.spec.name !== before.spec.name;
}

function problemFinding(problem: TlsProblem, secret: string, strict: boolean): Finding {
  const severe = problem.severity === 'error' || (strict && NOT_VALID_NOW.has(problem.code));
  const make = severe ? deny : warn;
  return make(
    RULE,
    SECRET_REF_FIELD,
    `the certificate Secret's ${describeProblem(problem)}`,
    problem.code,
    secret,
  );
}

/**
 * A Domain with `cpaas.io/secret-ref` binds a certificate: the Secret (platform namespace) must exist,
 * be a usable TLS pair, be valid now and be issued for spec.name (a wildcard Domain needs the same
 * wildcard SAN). On an UPDATE that keeps name and Secret, validity is only advice: an expiring
 * certificate must not block unrelated edits of its Domain.
 */
export const domainCertificateRule: ValidationRule<Domain> = {
  id: RULE,
  kinds: [DOMAIN],
  reasons: ['SecretNotFound', ...TLS_PROBLEM_CODES, 'CertificateNameMismatch'],
  guide: '配置域名',
  async check(ctx) {
    const secretRef = secretRefOf(ctx.object);
    if (!secretRef) return [];
    const namespace = ctx.settings.platformNamespace;
    const secret = secretName(namespace, secretRef);
    const stored = await ctx.view.readSecret(namespace, secretRef);
    if (!stored) {
      return [
        deny(
          RULE,
          SECRET_REF_FIELD,
          `names a certificate Secret that does not exist in the platform namespace ${namespace}; create the kubernetes.io/tls Secret first`,
          'SecretNotFound',
          secret,
        ),
      ];
    }
    const strict = bindingChanged(ctx);
    const check = checkTlsSecret(stored, ctx.settings.now());
    const findings = check.problems.map((p) => problemFinding(p, secret, strict));
    const leaf = check.chain?.[0];
    const name = ctx.object.spec.name;
    if (leaf && !certificateCoversHost(leaf, name)) {
      findings.push(
        deny(
          RULE,
          'spec.name',
          `is not covered by the certificate (it names ${describeNames(certificateNames(leaf))})`,
          'CertificateNameMismatch',
          secret,
        ),
      );
    }
    return findings;
  },
};
