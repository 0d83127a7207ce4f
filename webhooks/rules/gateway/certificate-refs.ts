import type { KubeObject } from '../../../shared/kube/object.js';
import type { Finding, ValidationRule } from '../types.js';
import { deny, warn } from './findings.js';
import { GATEWAY, GATEWAY_GROUP, LISTENER_SET, REFERENCE_GRANT } from './kinds.js';
import { listenersOf } from './listeners.js';
import { record } from './read.js';
import { referenceGrantAllows } from './reference-grants.js';

const RULE = 'gateway/certificate-refs';

function secretLacksTlsKeys(secret: KubeObject): string | undefined {
  const data = { ...(record(secret.data) ?? {}), ...(record(secret.stringData) ?? {}) };
  const missing = ['tls.crt', 'tls.key'].filter((k) => typeof data[k] !== 'string' || data[k] === '');
  return missing.length > 0 ? missing.join(' and ') : undefined;
}

/**
 * Listener certificates: core Secrets only; a Secret in another namespace needs a ReferenceGrant
 * there (RefNotPermitted); a Secret that exists must hold tls.crt and tls.key; one that does not
 * exist yet is only a warning (GitOps tools apply Secrets and Gateways in any order).
 */
export const certificateRefs: ValidationRule = {
  id: RULE,
  kinds: [GATEWAY, LISTENER_SET],
  async check({ object, view }) {
    const findings: Finding[] = [];
    const ns = object.metadata.namespace ?? '';
    for (const { index, listener } of listenersOf(object)) {
      for (const [ri, ref] of (listener.tls?.certificateRefs ?? []).entries()) {
        const field = `spec.listeners[${index}].tls.certificateRefs[${ri}]`;
        const group = ref.group ?? '';
        const kind = ref.kind ?? 'Secret';
        if (group !== '' || kind !== 'Secret') {
          findings.push(
            deny(
              RULE,
              field,
              `${group ? `${group}/` : ''}${kind} is not a core Secret`,
              'InvalidCertificateRef',
            ),
          );
          continue;
        }
        const secretNs = ref.namespace ?? ns;
        const secretName = `Secret ${secretNs}/${ref.name}`;
        if (secretNs !== ns) {
          const grants = view.list(REFERENCE_GRANT, secretNs);
          const from = { group: GATEWAY_GROUP, kind: object.kind, namespace: ns };
          if (!referenceGrantAllows(grants, from, { group: '', kind: 'Secret', name: ref.name })) {
            findings.push(
              deny(
                RULE,
                field,
                `no ReferenceGrant in namespace ${secretNs} lets ${object.kind}s of ${ns} use it`,
                'RefNotPermitted',
                secretName,
              ),
            );
            continue;
          }
        }
        const secret = await view.readSecret(secretNs, ref.name);
        if (!secret) {
          findings.push(
            warn(
              RULE,
              field,
              `${secretName} does not exist (yet); the listener stays unready until it does`,
              'InvalidCertificateRef',
            ),
          );
          continue;
        }
        const missing = secretLacksTlsKeys(secret);
        if (missing)
          findings.push(
            deny(RULE, field, `the Secret has no ${missing}`, 'InvalidCertificateRef', secretName),
          );
      }
    }
    return findings;
  },
};
