import type { Secret } from '../../../shared/kube/schemas/core.js';
import { SECRET } from '../../../shared/kube/schemas/core.js';
import { checkTlsSecret, TLS_SECRET_TYPE } from '../../../shared/tls/secret.js';
import { deny, warn } from '../findings.js';
import type { ValidationRule } from '../types.js';
import { TLS_PROBLEM_CODES } from './lib/problems.js';
import { secretContentUnchanged } from './lib/secret-content.js';

const RULE = 'certificates/tls-secret';

/**
 * A `kubernetes.io/tls` Secret must hold a usable pair: tls.crt and tls.key as PEM text (binary
 * uploads are refused), a parseable chain and a key matching the leaf. Validity is advice only on a
 * plain Secret: expired, not yet valid, or expiring within 30 days. Metadata-only updates of a Secret
 * whose content predates the webhook only warn.
 */
export const tlsSecretRule: ValidationRule<Secret> = {
  id: RULE,
  kinds: [SECRET],
  reasons: TLS_PROBLEM_CODES,
  guide: '创建证书',
  check(ctx) {
    if (ctx.object.type !== TLS_SECRET_TYPE) return [];
    const ratchet = secretContentUnchanged(ctx);
    return checkTlsSecret(ctx.object, ctx.settings.now()).problems.map((problem) =>
      problem.severity === 'error' && !ratchet
        ? deny(RULE, problem.field, problem.message, problem.code)
        : warn(RULE, problem.field, problem.message, problem.code),
    );
  },
};
