import { certificateCoversHost, certificateNames, describeNames } from '../../../shared/tls/hostname.js';
import { checkTlsSecret } from '../../../shared/tls/secret.js';
import { warn } from '../gateway/findings.js';
import { array, dig, record, text } from '../gateway/read.js';
import type { Finding, ValidationRule } from '../types.js';
import { INGRESS } from './kinds.js';
import { describeProblem, secretName } from './problems.js';

const RULE = 'certificates/ingress-tls';

/**
 * Ingress `spec.tls`: advice only, since controllers fall back to a default certificate. Warn when the
 * Secret is absent or unusable, or its certificate does not cover a host listed in `hosts`.
 */
export const ingressTlsRule: ValidationRule = {
  id: RULE,
  kinds: [INGRESS],
  async check({ object, view, settings }) {
    const namespace = object.metadata.namespace ?? '';
    const findings: Finding[] = [];
    for (const [i, entry] of array(dig(object, 'spec', 'tls')).entries()) {
      const tls = record(entry);
      const name = text(tls?.secretName);
      if (!tls || !name) continue;
      const described = secretName(namespace, name);
      const secretField = `spec.tls[${i}].secretName`;
      const secret = await view.readSecret(namespace, name);
      if (!secret) {
        findings.push(
          warn(
            RULE,
            secretField,
            'names a Secret that does not exist; the default certificate is served instead',
            'SecretNotFound',
            described,
          ),
        );
        continue;
      }
      const check = checkTlsSecret(secret, settings.now());
      for (const problem of check.problems) {
        findings.push(warn(RULE, secretField, describeProblem(problem), problem.code, described));
      }
      const leaf = check.chain?.[0];
      if (!leaf) continue;
      for (const [j, host] of array(tls.hosts).entries()) {
        if (typeof host !== 'string' || certificateCoversHost(leaf, host)) continue;
        findings.push(
          warn(
            RULE,
            `spec.tls[${i}].hosts[${j}]`,
            `${host} is not covered by the certificate (it names ${describeNames(certificateNames(leaf))})`,
            'CertificateNameMismatch',
            described,
          ),
        );
      }
    }
    return findings;
  },
};
