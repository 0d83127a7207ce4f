import type { ModelView } from '../../../../shared/kube/model/model-view.js';
import { certificateCoversHost, certificateNames, describeNames } from '../../../../shared/tls/hostname.js';
import { checkTlsSecret } from '../../../../shared/tls/secret.js';
import { warn } from '../../findings.js';
import type { Reason } from '../../reasons.js';
import type { Finding } from '../../types.js';
import { describeProblem, secretName, TLS_PROBLEM_CODES } from './problems.js';

export interface HostToCover {
  host: string;
  /** Field of the object under review that asks for this host. */
  field: string;
}

export interface CertificateReference {
  rule: string;
  /** Field of the object under review that names the Secret. */
  field: string;
  namespace: string;
  name: string;
  hosts: readonly HostToCover[];
  /** What happens when the Secret is absent, e.g. "the default certificate is served instead". */
  whenAbsent: string;
}

/** Every reason `adviseOnCertificate` can give. */
export const ADVICE_REASONS: readonly Reason[] = [
  'SecretNotFound',
  ...TLS_PROBLEM_CODES,
  'CertificateNameMismatch',
];

/**
 * Advice (warnings only) about a certificate Secret named by an object whose controller falls back
 * gracefully: the Secret is absent, unusable, not valid now or soon expiring, or does not cover a host.
 */
export async function adviseOnCertificate(
  view: ModelView,
  now: Date,
  ref: CertificateReference,
): Promise<Finding[]> {
  const described = secretName(ref.namespace, ref.name);
  const secret = await view.readSecret(ref.namespace, ref.name);
  if (!secret) {
    return [
      warn(
        ref.rule,
        ref.field,
        `names a Secret that does not exist; ${ref.whenAbsent}`,
        'SecretNotFound',
        described,
      ),
    ];
  }
  const check = checkTlsSecret(secret, now);
  const findings = check.problems.map((p) =>
    warn(ref.rule, ref.field, describeProblem(p), p.code, described),
  );
  const leaf = check.chain?.[0];
  if (!leaf) return findings;
  for (const { host, field } of ref.hosts) {
    if (certificateCoversHost(leaf, host)) continue;
    findings.push(
      warn(
        ref.rule,
        field,
        `${host} is not covered by the certificate (it names ${describeNames(certificateNames(leaf))})`,
        'CertificateNameMismatch',
        described,
      ),
    );
  }
  return findings;
}

/** Splits `namespace/name`; undefined when the value is not of that form. */
export function splitNamespacedName(value: string): { namespace: string; name: string } | undefined {
  const parts = value.trim().split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { namespace: parts[0], name: parts[1] };
}
