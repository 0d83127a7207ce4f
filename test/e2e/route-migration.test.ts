/**
 * route-migration on a real API server: `acpnet serve functions --functions route-migration` runs
 * against kube-apiserver (with the Route, Gateway API and Envoy Gateway CRDs) and receives the
 * change events of a Route over HTTP, as Knative delivers them. Creating the Route makes its
 * Gateway API objects (owned by it) and adds its listener to the Gateway beside the user's,
 * changing it follows, deleting it takes them away (this API server runs no garbage collector, so
 * the function's own deletes are what is seen), and its outcome is in the Route's status.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { buildChangeEvent, type ChangeType } from '../../shared/events/apiserver.js';
import { encodeHttpEvent } from '../../shared/events/http.js';
import type { KubeObject } from '../../shared/kube/object.js';
import { daysFrom, issueCertificate, keyPem } from '../support/certs.js';
import {
  installUpstreamCrds,
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectlOk,
  useKubeApiServer,
} from '../support/kube-harness.js';
import { type AcpnetProcess, startAcpnet } from './support/acpnet-process.js';
import { applyOk, getObject, type Manifest, pollUntil, valueAt } from './support/cluster.js';

jest.setTimeout(240_000);

const ns = `acpnet-rm-${randomBytes(4).toString('hex')}`;
const host = `shop.${ns}.example.com`;
let server: KubeApiServer;
let functions: AcpnetProcess;
let url = '';

async function send(change: ChangeType, object: Manifest): Promise<void> {
  const event = buildChangeEvent(change, object as unknown as KubeObject, {
    source: 'test://route-migration',
  });
  const message = encodeHttpEvent(event, 'structured');
  const response = await fetch(`${url}/`, { method: 'POST', headers: message.headers, body: message.body });
  if (response.status !== 202)
    throw new Error(
      `${change}: ${response.status} ${await response.text()}\n${functions.output().slice(-3000)}`,
    );
}

async function route(): Promise<Manifest> {
  const stored = await getObject(server.kubeconfig, 'routes.route.openshift.io', 'shop', ns);
  if (!stored) throw new Error('the Route is gone');
  return stored;
}

const listenerNames = async () =>
  (
    (valueAt(
      await getObject(server.kubeconfig, 'gateways.gateway.networking.k8s.io', 'gw', ns),
      'spec.listeners',
    ) ?? []) as { name: string }[]
  ).map((l) => l.name);

beforeAll(async () => {
  server = await useKubeApiServer();
  await installUpstreamCrds(server.kubeconfig);
  const valid = { notBefore: daysFrom(new Date(), -1), notAfter: daysFrom(new Date(), 90) };
  const certificate = await issueCertificate({ dns: [host], ...valid });
  await applyOk(server.kubeconfig, [
    // The installation's namespace, where the runtime keeps its tombstones of deleted objects.
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'acpnet' } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: ns },
      spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    },
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'gw', namespace: ns },
      spec: {
        gatewayClassName: 'envoy-gateway-operator-cpaas-default',
        listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }],
      },
    },
    {
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: {
        name: 'shop',
        namespace: ns,
        labels: { 'acpnet.io/migrate': 'true' },
        annotations: {
          'acpnet.io/migrate-gateway': 'gw',
          'haproxy.router.openshift.io/hsts_header': 'max-age=31536000',
          'haproxy.router.openshift.io/ip_allowlist': '10.0.0.0/8',
        },
      },
      spec: {
        host,
        to: { kind: 'Service', name: 'web' },
        port: { targetPort: 8080 },
        tls: {
          termination: 'edge',
          insecureEdgeTerminationPolicy: 'Redirect',
          certificate: certificate.certPem,
          key: keyPem(certificate.key),
        },
      },
    },
  ]);
  functions = await startAcpnet({
    args: [
      'serve',
      'functions',
      '--kubeconfig',
      server.kubeconfig,
      '--functions',
      'route-migration',
      '--listen-address',
      '127.0.0.1',
      '--functions-port',
      '0',
    ],
    ready: (entry) => entry.msg === 'functions listening',
  });
  url = String(functions.readyEntry.url);
  await pollUntil(
    'the store to sync',
    () => fetch(`${url}/health/readiness`).then((r) => r.status),
    (s) => s === 200,
  );
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  const code = await functions?.stop();
  if (server)
    await kubectlOk(server.kubeconfig, ['delete', 'namespace', ns, '--wait=false', '--ignore-not-found']);
  await server?.stop();
  expect(code).toBe(0);
});

describe('route-migration on a real API server', () => {
  it("creates the Route's objects, owned by it, and its listener beside the Gateway's own", async () => {
    const created = await route();
    await send('add', created);
    const httpRoute = await pollUntil(
      'the HTTPRoute',
      () => getObject(server.kubeconfig, 'httproutes.gateway.networking.k8s.io', 'shop', ns),
      (o) => o !== undefined,
    );
    expect(valueAt(httpRoute, 'metadata.ownerReferences[0].uid')).toBe(valueAt(created, 'metadata.uid'));
    expect(valueAt(httpRoute, 'spec.hostnames')).toEqual([host]);
    expect(valueAt(httpRoute, 'spec.rules[0].backendRefs')).toEqual([
      { group: '', kind: 'Service', name: 'web', port: 80, weight: 1 },
    ]);
    expect(valueAt(httpRoute, 'spec.parentRefs[0].sectionName')).toBe(`https-${host}`);
    for (const [resource, name] of [
      ['httproutes.gateway.networking.k8s.io', 'shop-redirect'],
      ['securitypolicies.gateway.envoyproxy.io', 'shop'],
      ['secrets', 'shop-tls'],
    ] as const)
      expect(
        valueAt(
          await getObject(server.kubeconfig, resource, name, ns),
          'metadata.labels["acpnet.io/migrated-from-route"]',
        ),
      ).toBe('shop');
    expect(await listenerNames()).toEqual(['http', `https-${host}`]);
    const status = await route();
    expect(valueAt(status, 'status.ingress[0].routerName')).toBe('acpnet-route-migration');
    expect(valueAt(status, 'status.ingress[0].conditions[0].status')).toBe('True');
  });

  it('follows a change of the Route and deletes what it no longer needs', async () => {
    await kubectlOk(server.kubeconfig, [
      'annotate',
      'routes.route.openshift.io',
      'shop',
      '-n',
      ns,
      'haproxy.router.openshift.io/ip_allowlist-',
    ]);
    await kubectlOk(server.kubeconfig, [
      'patch',
      'routes.route.openshift.io',
      'shop',
      '-n',
      ns,
      '--type',
      'merge',
      '-p',
      '{"spec":{"path":"/shop"}}',
    ]);
    await send('update', await route());
    await pollUntil(
      'the SecurityPolicy to go',
      () => getObject(server.kubeconfig, 'securitypolicies.gateway.envoyproxy.io', 'shop', ns),
      (o) => o === undefined,
    );
    const httpRoute = await getObject(server.kubeconfig, 'httproutes.gateway.networking.k8s.io', 'shop', ns);
    expect(valueAt(httpRoute, 'spec.rules[0].matches')).toEqual([
      { path: { type: 'PathPrefix', value: '/shop' } },
    ]);
  });

  it("deleting the Route deletes its objects and its listener, and leaves the Gateway's own", async () => {
    const last = await route();
    await kubectlOk(server.kubeconfig, ['delete', 'routes.route.openshift.io', 'shop', '-n', ns]);
    await send('delete', last);
    for (const [resource, name] of [
      ['httproutes.gateway.networking.k8s.io', 'shop'],
      ['httproutes.gateway.networking.k8s.io', 'shop-redirect'],
      ['secrets', 'shop-tls'],
    ] as const)
      await pollUntil(
        `${resource} ${name} to go`,
        () => getObject(server.kubeconfig, resource, name, ns),
        (o) => o === undefined,
      );
    expect(await listenerNames()).toEqual(['http']);
  });
});
