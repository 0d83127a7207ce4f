import { type ListenerOwnerObject, listenersOf } from '../../../shared/gateway/listeners.js';
import type { Secret } from '../../../shared/kube/schemas/core.js';
import {
  GATEWAY,
  GATEWAY_GROUP,
  LISTENER_SET,
  REFERENCE_GRANT,
} from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { deny, warn } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import { judgeCertificateRef, missingTlsKeys } from './lib/certificate-ref-planner.js';

const RULE = 'gateway/certificate-refs';

/**
 * Listener certificates: core Secrets only; an existing Secret in another namespace needs a
 * ReferenceGrant there (RefNotPermitted); a Secret that exists must hold tls.crt and tls.key; one that
 * does not exist yet is only a warning, grant or not (GitOps tools apply Secrets, grants and Gateways
 * in any order).
 */
export const certificateRefs: ValidationRule<ListenerOwnerObject> = {
  id: RULE,
  kinds: [GATEWAY, LISTENER_SET],
  reasons: ['InvalidCertificateRef', 'RefNotPermitted'],
  guide: '配置 GatewayAPI Gateway',
  async check({ object, view }) {
    const findings: Finding[] = [];
    const ns = object.metadata.namespace ?? '';
    const from = { group: GATEWAY_GROUP, kind: object.kind, namespace: ns };
    const secrets = new Map<string, Promise<Secret | undefined>>();
    for (const { index, listener } of listenersOf(object)) {
      for (const [ri, ref] of (listener.tls?.certificateRefs ?? []).entries()) {
        const field = `spec.listeners[${index}].tls.certificateRefs[${ri}]`;
        const judged = judgeCertificateRef(ref, from, (n) => view.list(REFERENCE_GRANT, n));
        const secretNs = judged.namespace;
        const secretName = `Secret ${secretNs}/${ref.name}`;
        if (judged.verdict === 'NotASecret') {
          const what = `${ref.group ? `${ref.group}/` : ''}${ref.kind ?? 'Secret'}`;
          findings.push(deny(RULE, field, `${what} is not a core Secret`, 'InvalidCertificateRef'));
          continue;
        }
        // Listeners commonly share one certificate: read each Secret once per review (a real
        // cluster answers readSecret with an API call).
        const secretKey = `${secretNs}/${ref.name}`;
        let read = secrets.get(secretKey);
        if (!read) {
          read = view.readSecret(secretNs, ref.name);
          secrets.set(secretKey, read);
        }
        const secret = await read;
        if (judged.verdict === 'RefNotPermitted') {
          // A Secret that is not there yet usually arrives with its ReferenceGrant (GitOps tools and
          // `kubectl apply -f` apply in any order): refuse only a reference to a Secret that exists.
          const refuse = secret !== undefined;
          const message = `no ReferenceGrant in namespace ${secretNs} lets ${object.kind}s of ${ns} use it`;
          findings.push(
            refuse
              ? deny(RULE, field, message, 'RefNotPermitted', secretName)
              : warn(
                  RULE,
                  field,
                  `${message}, and ${secretName} does not exist (yet); both must be in place before the listener is ready`,
                  'RefNotPermitted',
                  secretName,
                ),
          );
          continue;
        }
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
        const missing = missingTlsKeys(secret);
        if (missing.length > 0)
          findings.push(
            deny(
              RULE,
              field,
              `the Secret has no ${missing.join(' and ')}`,
              'InvalidCertificateRef',
              secretName,
            ),
          );
      }
    }
    return findings;
  },
};
