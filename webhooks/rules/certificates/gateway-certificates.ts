import { listenersOf, type OwnedListener, tlsMode } from '../../../shared/gateway/listeners.js';
import { referenceGrantAllows } from '../../../shared/gateway/reference-grants.js';
import type { Secret } from '../../../shared/kube/schemas/core.js';
import {
  GATEWAY,
  GATEWAY_GROUP,
  LISTENER_SET,
  REFERENCE_GRANT,
} from '../../../shared/kube/schemas/gateway-api/definitions.js';
import type { Gateway, ListenerSet } from '../../../shared/kube/schemas/gateway-api/index.js';
import { certificateCoversHost, certificateNames, describeNames } from '../../../shared/tls/hostname.js';
import { checkTlsSecret } from '../../../shared/tls/secret.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { describeProblem, secretName, TLS_PROBLEM_CODES } from './lib/problems.js';

const RULE = 'certificates/gateway-listener-certificates';

function terminatesTls({ listener }: OwnedListener): boolean {
  return (listener.protocol === 'HTTPS' || listener.protocol === 'TLS') && tlsMode(listener) === 'Terminate';
}

/** Cross-namespace refs without a ReferenceGrant are the gateway family's to deny; don't read those. */
function readable(
  ctx: AdmissionContext<Gateway | ListenerSet>,
  secretNamespace: string,
  name: string,
): boolean {
  const namespace = ctx.object.metadata.namespace ?? '';
  if (secretNamespace === namespace) return true;
  const from = { group: GATEWAY_GROUP, kind: ctx.object.kind, namespace };
  return referenceGrantAllows(ctx.view.list(REFERENCE_GRANT, secretNamespace), from, {
    group: '',
    kind: 'Secret',
    name,
  });
}

function secretFindings(
  secret: Secret,
  described: string,
  field: string,
  owned: OwnedListener,
  now: Date,
): Finding[] {
  const check = checkTlsSecret(secret, now);
  // A missing tls.crt/tls.key is reported by gateway/certificate-refs.
  const findings = check.problems
    .filter((p) => p.code !== 'MissingKey')
    .map((p) =>
      p.severity === 'error'
        ? deny(RULE, field, `is not a usable TLS Secret: ${describeProblem(p)}`, p.code, described)
        : warn(RULE, field, describeProblem(p), p.code, described),
    );
  const leaf = check.chain?.[0];
  const hostname = owned.listener.hostname;
  if (leaf && hostname && !certificateCoversHost(leaf, hostname)) {
    findings.push(
      warn(
        RULE,
        field,
        `certificate does not cover the listener hostname ${hostname} (it names ${describeNames(certificateNames(leaf))}); clients will see a name mismatch`,
        'CertificateNameMismatch',
        described,
      ),
    );
  }
  return findings;
}

/**
 * Certificates of TLS-terminating listeners (HTTPS, TLS Terminate) of Gateways and ListenerSets: a
 * referenced Secret that exists must be a usable TLS pair; warn when its certificate does not cover
 * the listener hostname, is not valid now, or expires within 30 days.
 */
export const gatewayCertificatesRule: ValidationRule<Gateway | ListenerSet> = {
  id: RULE,
  kinds: [GATEWAY, LISTENER_SET],
  reasons: [...TLS_PROBLEM_CODES.filter((code) => code !== 'MissingKey'), 'CertificateNameMismatch'],
  guide: 'TLS 配置',
  async check(ctx) {
    const namespace = ctx.object.metadata.namespace ?? '';
    const findings: Finding[] = [];
    for (const owned of listenersOf(ctx.object).filter(terminatesTls)) {
      for (const [ri, ref] of (owned.listener.tls?.certificateRefs ?? []).entries()) {
        if ((ref.group ?? '') !== '' || (ref.kind ?? 'Secret') !== 'Secret') continue;
        const secretNamespace = ref.namespace ?? namespace;
        if (!readable(ctx, secretNamespace, ref.name)) continue;
        const secret = await ctx.view.readSecret(secretNamespace, ref.name);
        if (!secret) continue;
        const field = `spec.listeners[${owned.index}].tls.certificateRefs[${ri}]`;
        findings.push(
          ...secretFindings(secret, secretName(secretNamespace, ref.name), field, owned, ctx.settings.now()),
        );
      }
    }
    return findings;
  },
};
