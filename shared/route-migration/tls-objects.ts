import type { KubeObject } from '../kube/object.js';
import type { Assignment } from './listeners.js';
import {
  backendTlsPolicyName,
  certificateSecretName,
  destinationCaName,
  referenceGrantName,
} from './names.js';
import { GATEWAY_API, madeFrom } from './object-meta.js';
import type { RoutePlan } from './route-plan.js';

/** The certificate Secret, ReferenceGrant, destination CA and BackendTLSPolicy of a planned Route. */

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const withNewline = (pem: string) => (pem.endsWith('\n') ? pem : `${pem}\n`);

function certificateSecret(plan: RoutePlan, owned: boolean): KubeObject {
  const tls = plan.route.spec.tls!;
  const chain =
    withNewline(tls.certificate ?? '') + (tls.caCertificate ? withNewline(tls.caCertificate) : '');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: madeFrom(plan.route, certificateSecretName(plan.route.metadata.name ?? ''), owned),
    type: 'kubernetes.io/tls',
    data: { 'tls.crt': base64(chain), 'tls.key': base64(withNewline(tls.key ?? '')) },
  };
}

function referenceGrant(plan: RoutePlan, secret: string, owned: boolean): KubeObject {
  return {
    apiVersion: `${GATEWAY_API}/v1beta1`,
    kind: 'ReferenceGrant',
    metadata: madeFrom(plan.route, referenceGrantName(plan.route.metadata.name ?? ''), owned),
    spec: {
      from: [{ group: GATEWAY_API, kind: 'Gateway', namespace: plan.gateway.namespace }],
      to: [{ group: '', kind: 'Secret', name: secret }],
    },
  };
}

/** The certificate items and objects of an edge or reencrypt Route, given the listener it got. */
export function certificateObjects(plan: RoutePlan, assignment: Assignment, owned: boolean): KubeObject[] {
  const tls = plan.route.spec.tls;
  const { log, t } = plan;
  if (!tls || tls.termination === 'passthrough') return [];
  const listener = `listener "${assignment.sectionName}" of ${t.gateway}`;
  const external = tls.externalCertificate?.name;
  if (!plan.inlineCertificate && !external) {
    log.mapped('default: the default certificate', `${listener} (its certificate)`);
    return [];
  }
  const subjects = plan.inlineCertificate
    ? ['spec.tls.certificate', 'spec.tls.key', ...(tls.caCertificate ? ['spec.tls.caCertificate'] : [])]
    : ['spec.tls.externalCertificate'];
  if (assignment.servedBy) {
    for (const subject of subjects)
      log.approximated(
        subject,
        listener,
        `${assignment.servedBy} already serves ${plan.hostname} with its certificate; the router chose by SNI among the host's Routes too, and this Route's certificate is not used`,
      );
    return [];
  }
  const secret = external ?? certificateSecretName(plan.route.metadata.name ?? '');
  if (plan.inlineCertificate) {
    log.mapped('spec.tls.certificate', `${t.secret} data["tls.crt"], ${listener}`);
    log.mapped('spec.tls.key', `${t.secret} data["tls.key"]`);
    if (tls.caCertificate)
      log.mapped(
        'spec.tls.caCertificate',
        `${t.secret} data["tls.crt"] (after the certificate, as its chain)`,
      );
  } else log.mapped('spec.tls.externalCertificate', `${listener} certificateRefs`);
  if (tls.caCertificate && !plan.inlineCertificate)
    log.dropped('spec.tls.caCertificate', 'with an external certificate the chain belongs in its Secret');
  const namespace = plan.route.metadata.namespace ?? '';
  const objects = plan.inlineCertificate ? [certificateSecret(plan, owned)] : [];
  if (plan.gateway.namespace !== namespace) objects.push(referenceGrant(plan, secret, owned));
  return objects;
}

/** The destination CA ConfigMap and the BackendTLSPolicy of a reencrypt Route. */
export function backendTlsObjects(plan: RoutePlan, owned: boolean): KubeObject[] {
  const tls = plan.route.spec.tls;
  if (tls?.termination !== 'reencrypt') return [];
  const { log, t, route } = plan;
  const name = route.metadata.name ?? '';
  const namespace = route.metadata.namespace ?? '';
  const services = [...new Set(plan.backends.map((b) => b.name))];
  const hostname = `${route.spec.to.name}.${namespace}.svc`;
  const ca = tls.destinationCACertificate;
  const objects: KubeObject[] = [];
  if (ca) {
    objects.push({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: madeFrom(route, destinationCaName(name), owned),
      data: { 'ca.crt': withNewline(ca) },
    });
    log.approximated(
      'spec.tls.destinationCACertificate',
      `${t.destinationCa} data["ca.crt"], ${t.backendTlsPolicy}`,
      `the router checks the backend's certificate against this CA only; Envoy also requires it to name ${hostname}, which it sends as SNI`,
    );
  } else
    log.approximated(
      'default: reencrypt without destinationCACertificate',
      `${t.backendTlsPolicy} spec.validation.wellKnownCACertificates`,
      `OpenShift verified the backend with its service CA, which the platform does not have: the system CAs are used, and the certificate must name ${hostname}; give the CA in spec.tls.destinationCACertificate`,
    );
  objects.push({
    apiVersion: `${GATEWAY_API}/v1`,
    kind: 'BackendTLSPolicy',
    metadata: madeFrom(route, backendTlsPolicyName(name), owned),
    spec: {
      targetRefs: services.map((service) => ({ group: '', kind: 'Service', name: service })),
      validation: {
        ...(ca
          ? { caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: destinationCaName(name) }] }
          : { wellKnownCACertificates: 'System' }),
        hostname,
      },
    },
  });
  return objects;
}
