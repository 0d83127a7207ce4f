import { checkTlsSecret, TLS_SECRET_TYPE } from '../../../shared/tls/secret.js';
import { deny, warn } from '../gateway/findings.js';
import type { ValidationRule } from '../types.js';
import { SECRET } from './kinds.js';

const RULE = 'certificates/tls-secret';

/**
 * A `kubernetes.io/tls` Secret must hold a usable pair: tls.crt and tls.key as PEM text (binary
 * uploads are refused), a parseable chain and a key matching the leaf. Validity is advice only on a
 * plain Secret: expired, not yet valid, or expiring within 30 days.
 */
export const tlsSecretRule: ValidationRule = {
  id: RULE,
  kinds: [SECRET],
  check({ object, settings }) {
    if (object['type'] !== TLS_SECRET_TYPE) return [];
    return checkTlsSecret(object, settings.now()).problems.map((problem) =>
      problem.severity === 'error'
        ? deny(RULE, problem.field, problem.message, problem.code)
        : warn(RULE, problem.field, problem.message, problem.code),
    );
  },
};
