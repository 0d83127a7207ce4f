/**
 * `acpnet serve webhooks --kubeconfig` against a real kube-apiserver (infra/kube) with the upstream
 * CRDs: the store syncs from the cluster, and the API server itself calls the webhook through a
 * ValidatingWebhookConfiguration, so `kubectl apply` of a broken TLS Secret or of a Gateway with
 * conflicting listeners is refused with the webhook's message, and a route naming a listener its
 * Gateway (created through kubectl, seen by the store's informers) lacks is refused too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { createSelfSignedCertificate, type PemPair } from '../../../shared/tls/self-signed.js';
import {
  installUpstreamCrds,
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectl,
  kubectlOk,
  useKubeApiServer,
} from '../../support/kube-harness.js';
import { repoRoot } from '../../unit/cli/run-cli.js';
import { send } from './support/client.js';

// The API server is real and the CPU shared: allow each test minutes, not jest's default 5s.
jest.setTimeout(180_000);

const id = randomBytes(4).toString('hex');
const namespace = `acpnet-webhook-${id}`;
const configName = `acpnet-webhook-test-${id}`;

let server: KubeApiServer;
let dir: string;
let pair: PemPair;
let serve: ChildProcess;
let exited: Promise<number | null>;
let port: number;

function startServe(kubeconfig: string): Promise<number> {
  serve = spawn(
    path.join(repoRoot, 'node_modules/.bin/node'),
    [
      path.join(repoRoot, 'cli/acpnet.mjs'),
      'serve',
      'webhooks',
      '--kubeconfig',
      kubeconfig,
      '--webhook-port',
      '0',
      '--tls-cert',
      path.join(dir, 'tls.crt'),
      '--tls-key',
      path.join(dir, 'tls.key'),
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  serve.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  exited = new Promise((resolve) => serve.on('close', resolve));
  return new Promise((resolve, reject) => {
    createInterface({ input: serve.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === 'webhooks listening' && typeof entry.port === 'number') resolve(entry.port);
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

function webhookConfiguration(): string {
  return JSON.stringify({
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { name: configName },
    webhooks: [
      {
        name: 'secrets.acpnet.test',
        clientConfig: {
          url: `https://127.0.0.1:${port}/validate`,
          caBundle: Buffer.from(pair.certPem).toString('base64'),
        },
        rules: [
          {
            apiGroups: [''],
            apiVersions: ['v1'],
            operations: ['CREATE', 'UPDATE'],
            resources: ['secrets'],
            scope: 'Namespaced',
          },
          {
            apiGroups: ['gateway.networking.k8s.io'],
            apiVersions: ['*'],
            operations: ['CREATE', 'UPDATE'],
            resources: ['gateways', 'httproutes'],
            scope: 'Namespaced',
          },
        ],
        // Only this test's namespace: a shared API server keeps working for everyone else.
        namespaceSelector: { matchLabels: { 'acpnet-webhook-test': id } },
        failurePolicy: 'Fail',
        sideEffects: 'None',
        admissionReviewVersions: ['v1'],
        timeoutSeconds: 10,
      },
    ],
  });
}

function tlsSecret(name: string, cert: string, key: string): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    type: 'kubernetes.io/tls',
    data: { 'tls.crt': Buffer.from(cert).toString('base64'), 'tls.key': Buffer.from(key).toString('base64') },
  });
}

/** Applies until the webhook answers: a new webhook configuration takes a moment to be used. */
async function applyUntilDenied(manifest: string, name: string, resource: string) {
  let result = await kubectl(server.kubeconfig, ['apply', '-f', '-'], { stdin: manifest });
  const deadline = Date.now() + 120_000;
  while (result.code === 0 && Date.now() < deadline) {
    await kubectl(server.kubeconfig, ['delete', resource, '-n', namespace, name]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    result = await kubectl(server.kubeconfig, ['apply', '-f', '-'], { stdin: manifest });
  }
  return result;
}

/** Like applyUntilDenied, in another namespace. */
async function applyUntilDeniedIn(ns: string, manifest: string, name: string, resource: string) {
  let result = await kubectl(server.kubeconfig, ['apply', '-f', '-'], { stdin: manifest });
  const deadline = Date.now() + 120_000;
  while (result.code === 0 && Date.now() < deadline) {
    await kubectl(server.kubeconfig, ['delete', resource, '-n', ns, name]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    result = await kubectl(server.kubeconfig, ['apply', '-f', '-'], { stdin: manifest });
  }
  return result;
}

/** A webhook of the shipped ValidatingWebhookConfiguration (infra/deploy/base/webhooks.yaml), by name. */
function shippedWebhook(name: string): Record<string, unknown> {
  const file = readFileSync(path.join(repoRoot, 'infra/deploy/base/webhooks.yaml'), 'utf8');
  const config = parseAllDocuments(file)
    .map((doc) => doc.toJS() as { kind: string; webhooks: Record<string, unknown>[] })
    .find((doc) => doc.kind === 'ValidatingWebhookConfiguration');
  const webhook = config?.webhooks.find((w) => w.name === name);
  if (!webhook) throw new Error(`no webhook ${name} in infra/deploy/base/webhooks.yaml`);
  return webhook;
}

function gatewayManifest(name: string, listeners: Record<string, unknown>[]): string {
  return JSON.stringify({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name, namespace },
    spec: { gatewayClassName: 'eg', listeners },
  });
}

beforeAll(async () => {
  server = await useKubeApiServer();
  // The default (experimental) channel, as every other suite on the shared server installs: a
  // different channel would replace the Gateway CRDs under them.
  await installUpstreamCrds(server.kubeconfig);
  dir = await mkdtemp(path.join(tmpdir(), 'acpnet-apiserver-webhook-'));
  pair = await createSelfSignedCertificate({ dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  await writeFile(path.join(dir, 'tls.crt'), pair.certPem);
  await writeFile(path.join(dir, 'tls.key'), pair.keyPem);
  port = await startServe(server.kubeconfig);
  await kubectlOk(server.kubeconfig, ['create', 'namespace', namespace]);
  await kubectlOk(server.kubeconfig, ['label', 'namespace', namespace, `acpnet-webhook-test=${id}`]);
  await kubectlOk(server.kubeconfig, ['apply', '-f', '-'], { stdin: webhookConfiguration() });
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (server) {
    await kubectl(server.kubeconfig, [
      'delete',
      'validatingwebhookconfiguration',
      configName,
      `${configName}-interconnect`,
      '--ignore-not-found',
      '--wait=false',
    ]);
    await kubectl(server.kubeconfig, [
      'delete',
      'configmap',
      '-n',
      'kube-system',
      'ovn-ic-config',
      `not-ic-${id}`,
      '--ignore-not-found',
    ]);
    await kubectl(server.kubeconfig, ['delete', 'namespace', namespace, '--wait=false']);
  }
  if (serve && serve.exitCode === null) {
    serve.kill('SIGTERM');
    await exited;
  }
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('webhook behind a real kube-apiserver', () => {
  it('is ready once the store has synced from the cluster', async () => {
    let ready = await send(`https://127.0.0.1:${port}/readyz`, { method: 'GET', ca: pair.certPem });
    while (ready.status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ready = await send(`https://127.0.0.1:${port}/readyz`, { method: 'GET', ca: pair.certPem });
    }
    expect(ready.body).toEqual({ status: 'ready' });
  });

  it('refuses a broken TLS Secret at kubectl apply with the webhook message', async () => {
    const broken = tlsSecret('broken', 'not a certificate', 'not a key');
    const result = await applyUntilDenied(broken, 'broken', 'secret');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('admission webhook "secrets.acpnet.test" denied the request');
    expect(result.stderr).toContain('data["tls.crt"]');
  });

  it('admits a good TLS Secret', async () => {
    const good = await createSelfSignedCertificate({ dnsNames: ['www.example.com'] });
    const result = await kubectl(server.kubeconfig, ['apply', '-f', '-'], {
      stdin: tlsSecret('good', good.certPem, good.keyPem),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('refuses a Gateway whose listeners conflict, naming both listeners', async () => {
    const result = await applyUntilDenied(
      gatewayManifest('clash', [
        { name: 'web', protocol: 'HTTP', port: 80 },
        { name: 'raw', protocol: 'TCP', port: 80 },
      ]),
      'clash',
      'gateway',
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('spec.listeners[1]');
    expect(result.stderr).toContain('ProtocolConflict');
    expect(result.stderr).toContain(`listener "web" of Gateway ${namespace}/clash`);
  });

  it('refuses a route naming a listener that its Gateway in the cluster lacks', async () => {
    await kubectlOk(server.kubeconfig, ['apply', '-f', '-'], {
      stdin: gatewayManifest('edge', [
        { name: 'http', protocol: 'HTTP', port: 80, hostname: 'www.example.com' },
      ]),
    });
    const route = JSON.stringify({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'shop', namespace },
      spec: {
        parentRefs: [{ name: 'edge', sectionName: 'https' }],
        rules: [{ backendRefs: [{ name: 'shop', port: 8080 }] }],
      },
    });
    // Until the informer has delivered the Gateway the route is only warned about.
    const result = await applyUntilDenied(route, 'shop', 'httproute');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('spec.parentRefs[0].sectionName');
    expect(result.stderr).toContain(`Gateway ${namespace}/edge`);
  });

  it('reviews kube-system/ovn-ic-config through the shipped webhook entry, and no other ConfigMap of kube-system', async () => {
    const interconnect = shippedWebhook('interconnect.validate.acpnet.io');
    await kubectlOk(server.kubeconfig, ['apply', '-f', '-'], {
      stdin: JSON.stringify({
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingWebhookConfiguration',
        metadata: { name: `${configName}-interconnect` },
        webhooks: [
          {
            ...interconnect,
            name: `interconnect.${id}.acpnet.test`,
            clientConfig: {
              url: `https://127.0.0.1:${port}/validate`,
              caBundle: Buffer.from(pair.certPem).toString('base64'),
            },
          },
        ],
      }),
    });
    const config = (name: string, port: string) =>
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace: 'kube-system' },
        data: {
          'enable-ic': 'false',
          'az-name': `az-${id}`,
          'ic-db-host': '192.168.178.97',
          'ic-sb-port': port,
        },
      });
    const denied = await applyUntilDeniedIn(
      'kube-system',
      config('ovn-ic-config', '70000'),
      'ovn-ic-config',
      'configmap',
    );
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toContain(`admission webhook "interconnect.${id}.acpnet.test" denied the request`);
    expect(denied.stderr).toContain(
      'data["ic-sb-port"]: must be a port from 1 to 65535, got "70000" (InvalidPort)',
    );
    const other = await kubectl(server.kubeconfig, ['apply', '-f', '-'], {
      stdin: config(`not-ic-${id}`, '70000'),
    });
    expect(other.code).toBe(0);
    const good = await kubectl(server.kubeconfig, ['apply', '-f', '-'], {
      stdin: config('ovn-ic-config', '6646'),
    });
    expect({ code: good.code, stderr: good.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('drains and exits 0 on SIGTERM', async () => {
    serve.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
