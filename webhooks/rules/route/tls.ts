import { ROUTE, type Route } from '../../../shared/kube/schemas/openshift-route.js';
import { routeHost } from '../../../shared/openshift-route/host-claims.js';
import { parseCertificateChain } from '../../../shared/tls/certificate.js';
import { certificateCoversHost } from '../../../shared/tls/hostname.js';
import { TlsInputError } from '../../../shared/tls/pem.js';
import { checkTlsSecret, TLS_SECRET_TYPE } from '../../../shared/tls/secret.js';
import { deny, warn } from '../findings.js';
import type { Reason } from '../reasons.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'route/tls';

/** Where the Secret checks name fields, as the Route's fields. */
const ROUTE_FIELDS: Readonly<Record<string, string>> = {
  'stringData["tls.crt"]': 'spec.tls.certificate',
  'stringData["tls.key"]': 'spec.tls.key',
  'data["tls.crt"]': 'spec.tls.certificate',
  'data["tls.key"]': 'spec.tls.key',
};

/** The inline certificate of an edge or reencrypt Route, checked as a TLS Secret holding it would be. */
function certificateFindings(route: Route, now: Date): Finding[] {
  const tls = route.spec.tls;
  if (!tls?.certificate) return [];
  const chain = `${tls.certificate}\n${tls.caCertificate ?? ''}`;
  const check = checkTlsSecret(
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'route' },
      type: TLS_SECRET_TYPE,
      stringData: { 'tls.crt': chain, ...(tls.key ? { 'tls.key': tls.key } : {}) },
    },
    now,
  );
  const out = check.problems.map((p) => {
    const field = ROUTE_FIELDS[p.field] ?? p.field;
    const message = p.message.replace('in tls.crt', 'in spec.tls.certificate');
    return p.severity === 'error' ? deny(RULE, field, message, p.code) : warn(RULE, field, message, p.code);
  });
  const host = routeHost(route);
  const leaf = check.chain?.[0];
  const wildcard =
    route.spec.wildcardPolicy === 'Subdomain' && host ? `*${host.slice(host.indexOf('.'))}` : host;
  if (leaf && wildcard && !certificateCoversHost(leaf, wildcard))
    out.push(
      warn(
        RULE,
        'spec.tls.certificate',
        `does not cover the Route's host ${wildcard}`,
        'CertificateNameMismatch',
      ),
    );
  return out;
}

function destinationCaFindings(route: Route): Finding[] {
  const ca = route.spec.tls?.destinationCACertificate;
  if (!ca) return [];
  try {
    parseCertificateChain(ca);
    return [];
  } catch (error) {
    if (!(error instanceof TlsInputError)) throw error;
    return [deny(RULE, 'spec.tls.destinationCACertificate', error.message, 'InvalidPem')];
  }
}

const reasons: Reason[] = [
  'MissingKey',
  'Binary',
  'InvalidPem',
  'EncryptedKey',
  'KeyMismatch',
  'ChainOrder',
  'Expired',
  'NotYetValid',
  'ExpiringSoon',
  'CertificateNameMismatch',
];

/**
 * The certificates a Route holds inline: a usable pair for its host (the router refuses a Route
 * whose key does not match, ExtendedValidationFailed), and a parseable destination CA.
 */
export const routeTlsRule: ValidationRule<Route> = {
  id: RULE,
  kinds: [ROUTE],
  reasons,
  guide: '使用自定义证书的边缘终止',
  check({ object, settings }: AdmissionContext<Route>) {
    return [...certificateFindings(object, settings.now()), ...destinationCaFindings(object)];
  },
};
