import { objectRef } from '../../../shared/gateway/listeners.js';
import { referenceGrantAllows } from '../../../shared/gateway/reference-grants.js';
import { array, dig, record } from '../../../shared/kube/fields.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { CONFIG_MAP } from '../../../shared/kube/schemas/core.js';
import { ENVOY_GROUP, SECURITY_POLICY } from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import { BACKEND_TLS_POLICY, REFERENCE_GRANT } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import { deny, warn } from '../findings.js';
import type { Finding, ValidationRule } from '../types.js';
import { bundleValue, isPemCertificateBundle } from './pem.js';

const RULE = 'gateway/policy-secrets';

async function apiKeyAuthFindings(policy: KubeObject, view: ModelView): Promise<Finding[]> {
  const auth = record(dig(policy, 'spec', 'apiKeyAuth'));
  if (!auth) return [];
  const findings: Finding[] = [];
  const ns = policy.metadata.namespace ?? '';
  const extractFrom = array(auth.extractFrom);
  if (extractFrom.length === 0)
    findings.push(deny(RULE, 'spec.apiKeyAuth.extractFrom', 'must say where the API key is read from'));
  extractFrom.forEach((entry, i) => {
    const e = record(entry);
    const sources = ['headers', 'params', 'cookies'].reduce((n, k) => n + array(e?.[k]).length, 0);
    if (sources === 0)
      findings.push(
        deny(
          RULE,
          `spec.apiKeyAuth.extractFrom[${i}]`,
          'must name at least one header, query parameter or cookie',
        ),
      );
  });
  for (const [i, value] of array(auth.credentialRefs).entries()) {
    const ref = objectRef(value);
    if (!ref) continue;
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
    } else if (
      Object.keys({ ...(record(secret.data) ?? {}), ...(record(secret.stringData) ?? {}) }).length === 0
    ) {
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
): Promise<KubeObject | undefined> {
  if (kind === 'Secret') return view.readSecret(ns, name);
  return view.get(CONFIG_MAP, ns, name);
}

async function backendTlsFindings(policy: KubeObject, view: ModelView): Promise<Finding[]> {
  const validation = record(dig(policy, 'spec', 'validation'));
  if (!validation) return [];
  const key = validation.caCertificateRefs !== undefined ? 'caCertificateRefs' : 'cACertificateRefs';
  const ns = policy.metadata.namespace ?? '';
  const findings: Finding[] = [];
  for (const [i, value] of array(validation[key]).entries()) {
    const ref = objectRef(value);
    if (!ref) continue;
    const kind = ref.kind ?? 'ConfigMap';
    const field = `spec.validation.${key}[${i}]`;
    const other = `${kind} ${ns}/${ref.name}`;
    if ((ref.group ?? '') !== '' || (kind !== 'ConfigMap' && kind !== 'Secret')) {
      findings.push(deny(RULE, field, `${kind} is not a ConfigMap or Secret`, 'InvalidKind'));
      continue;
    }
    const holder = await caBundle(view, ns, kind, ref.name);
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
export const policySecrets: ValidationRule = {
  id: RULE,
  kinds: [SECURITY_POLICY, BACKEND_TLS_POLICY],
  check({ object, view }) {
    return object.kind === 'SecurityPolicy'
      ? apiKeyAuthFindings(object, view)
      : backendTlsFindings(object, view);
  },
};
