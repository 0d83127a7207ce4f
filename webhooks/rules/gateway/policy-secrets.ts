import { referenceGrantAllows } from '../../../shared/gateway/reference-grants.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import { CONFIG_MAP, type ConfigMap, type Secret } from '../../../shared/kube/schemas/core.js';
import { ENVOY_GROUP, SECURITY_POLICY } from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import type { SecurityPolicy } from '../../../shared/kube/schemas/envoy-gateway/security-policy.js';
import type { BackendTLSPolicy } from '../../../shared/kube/schemas/gateway-api/backend-tls-policy.js';
import { BACKEND_TLS_POLICY, REFERENCE_GRANT } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { deny, warn } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import { isKind } from './lib/kinds.js';
import { bundleValue, isPemCertificateBundle } from './lib/pem.js';

const RULE = 'gateway/policy-secrets';

async function apiKeyAuthFindings(policy: SecurityPolicy, view: ModelView): Promise<Finding[]> {
  const auth = policy.spec.apiKeyAuth;
  if (!auth) return [];
  const findings: Finding[] = [];
  const ns = policy.metadata.namespace ?? '';
  if (auth.extractFrom.length === 0)
    findings.push(deny(RULE, 'spec.apiKeyAuth.extractFrom', 'must say where the API key is read from'));
  auth.extractFrom.forEach((entry, i) => {
    const sources = (entry.headers?.length ?? 0) + (entry.params?.length ?? 0) + (entry.cookies?.length ?? 0);
    if (sources === 0)
      findings.push(
        deny(
          RULE,
          `spec.apiKeyAuth.extractFrom[${i}]`,
          'must name at least one header, query parameter or cookie',
        ),
      );
  });
  for (const [i, ref] of auth.credentialRefs.entries()) {
    const field = `spec.apiKeyAuth.credentialRefs[${i}]`;
    const secretNs = ref.namespace ?? ns;
    const secretName = `Secret ${secretNs}/${ref.name}`;
    if (secretNs !== ns) {
      const from = { group: ENVOY_GROUP, kind: 'SecurityPolicy', namespace: ns };
      if (
        !referenceGrantAllows(view.list(REFERENCE_GRANT, secretNs), from, {
          group: '',
          kind: 'Secret',
          name: ref.name,
        })
      ) {
        findings.push(
          deny(
            RULE,
            field,
            `no ReferenceGrant in namespace ${secretNs} lets SecurityPolicies of ${ns} use it`,
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
          'the Secret does not exist (yet): every request would get 401 Unauthorized',
          undefined,
          secretName,
        ),
      );
    } else if (Object.keys({ ...secret.data, ...secret.stringData }).length === 0) {
      findings.push(
        warn(
          RULE,
          field,
          'the Secret holds no API keys: every request would get 401 Unauthorized',
          undefined,
          secretName,
        ),
      );
    }
  }
  return findings;
}

async function caBundle(
  view: ModelView,
  ns: string,
  kind: string,
  name: string,
): Promise<Secret | ConfigMap | undefined> {
  if (kind === 'Secret') return view.readSecret(ns, name);
  return view.get(CONFIG_MAP, ns, name);
}

interface CaCertificateRef {
  group: string;
  kind: string;
  name: string;
}

/** BackendTLSPolicy validation, including `cACertificateRefs`, the spelling Envoy Gateway's tests use. */
interface CaValidation {
  caCertificateRefs?: readonly CaCertificateRef[];
  cACertificateRefs?: readonly CaCertificateRef[];
}

async function backendTlsFindings(policy: BackendTLSPolicy, view: ModelView): Promise<Finding[]> {
  const validation: CaValidation = policy.spec.validation;
  const key = validation.caCertificateRefs !== undefined ? 'caCertificateRefs' : 'cACertificateRefs';
  const ns = policy.metadata.namespace ?? '';
  const findings: Finding[] = [];
  for (const [i, ref] of (validation[key] ?? []).entries()) {
    const field = `spec.validation.${key}[${i}]`;
    const other = `${ref.kind} ${ns}/${ref.name}`;
    if (ref.group !== '' || (ref.kind !== 'ConfigMap' && ref.kind !== 'Secret')) {
      findings.push(deny(RULE, field, `${ref.kind} is not a ConfigMap or Secret`, 'InvalidKind'));
      continue;
    }
    const holder = await caBundle(view, ns, ref.kind, ref.name);
    if (!holder) {
      findings.push(
        warn(
          RULE,
          field,
          `${other} does not exist (yet); connections to the backend fail until it does`,
          'InvalidCACertificateRef',
        ),
      );
      continue;
    }
    const pem = bundleValue(holder, 'ca.crt');
    if (pem === undefined)
      findings.push(deny(RULE, field, 'must have ca.crt key', 'InvalidCACertificateRef', other));
    else if (!isPemCertificateBundle(pem))
      findings.push(
        deny(RULE, field, 'must contain PEM-encoded TLS certificates', 'InvalidCACertificateRef', other),
      );
  }
  return findings;
}

/**
 * Policies whose meaning depends on Secrets and ConfigMaps: API key credentials (absent or empty
 * means every request gets 401) and BackendTLSPolicy CA bundles (`ca.crt` holding PEM certificates).
 */
export const policySecrets: ValidationRule<SecurityPolicy | BackendTLSPolicy> = {
  id: RULE,
  kinds: [SECURITY_POLICY, BACKEND_TLS_POLICY],
  reasons: ['RefNotPermitted', 'InvalidKind', 'InvalidCACertificateRef'],
  guide: '配置 GatewayAPI 策略',
  check({ object, view }) {
    return isKind(SECURITY_POLICY, object)
      ? apiKeyAuthFindings(object, view)
      : backendTlsFindings(object, view);
  },
};
