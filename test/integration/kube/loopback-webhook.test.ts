/**
 * The harness API server calls an admission webhook served on loopback (clientConfig.url with a
 * caBundle), with no extra flags: what the end-to-end tests of acpnet's webhooks rely on. The
 * webhook here is a minimal AdmissionReview v1 responder owned by the test.
 */
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { issueCertificate, keyPem } from '../../support/certs.js';
import {
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectl,
  kubectlOk,
  useKubeApiServer,
} from '../../support/kube-harness.js';

jest.setTimeout(180_000);

interface Review {
  request: { uid: string; operation: string; object?: { metadata?: { labels?: Record<string, string> } } };
}

let server: KubeApiServer;
let webhook: Server;
const seen: string[] = [];
const configName = 'acpnet-harness-loopback-check';

beforeAll(async () => {
  server = await useKubeApiServer();
  const ca = await issueCertificate({ commonName: 'loopback-webhook-ca', ca: true });
  const serving = await issueCertificate({ commonName: '127.0.0.1', ips: ['127.0.0.1'], issuer: ca });
  webhook = createServer({ cert: serving.certPem, key: keyPem(serving.key) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const review = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Review;
      seen.push(review.request.operation);
      const denied = review.request.object?.metadata?.labels?.['loopback-check'] === 'deny';
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          apiVersion: 'admission.k8s.io/v1',
          kind: 'AdmissionReview',
          response: {
            uid: review.request.uid,
            allowed: !denied,
            ...(denied ? { status: { code: 403, message: 'loopback webhook says no' } } : {}),
          },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  const port = (webhook.address() as AddressInfo).port;
  const config = {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { name: configName },
    webhooks: [
      {
        name: 'loopback.check.acpnet.io',
        admissionReviewVersions: ['v1'],
        sideEffects: 'None',
        failurePolicy: 'Fail',
        timeoutSeconds: 5,
        clientConfig: {
          url: `https://127.0.0.1:${port}/validate`,
          caBundle: Buffer.from(ca.certPem).toString('base64'),
        },
        objectSelector: { matchExpressions: [{ key: 'loopback-check', operator: 'Exists' }] },
        rules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE'], resources: ['configmaps'] }],
      },
    ],
  };
  await kubectlOk(server.kubeconfig, ['apply', '--server-side', '-f', '-'], {
    stdin: JSON.stringify(config),
  });
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (server) await kubectl(server.kubeconfig, ['delete', 'validatingwebhookconfiguration', configName]);
  await new Promise((resolve) => webhook?.close(resolve));
  await server?.stop();
});

function configMapYaml(name: string, verdict: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: default\n  labels:\n    loopback-check: ${verdict}\n`;
}

describe('admission webhook on loopback', () => {
  it('denies through the webhook, and kubectl prints the webhook message', async () => {
    // A new configuration takes a moment to reach the API server's webhook cache.
    let result = await kubectl(server.kubeconfig, ['create', '--dry-run=server', '-f', '-'], {
      stdin: configMapYaml('probe', 'deny'),
    });
    for (let attempt = 0; attempt < 50 && result.code === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      result = await kubectl(server.kubeconfig, ['create', '--dry-run=server', '-f', '-'], {
        stdin: configMapYaml('probe', 'deny'),
      });
    }
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /admission webhook "loopback\.check\.acpnet\.io" denied the request: loopback webhook says no/,
    );
    expect(seen).toContain('CREATE');
  });

  it('admits what the webhook allows', async () => {
    await kubectlOk(server.kubeconfig, ['create', '-f', '-'], {
      stdin: configMapYaml('allowed-by-loopback', 'allow'),
    });
    const stored = await kubectlOk(server.kubeconfig, [
      'get',
      'configmap',
      '-n',
      'default',
      'allowed-by-loopback',
      '-o',
      'jsonpath={.metadata.name}',
    ]);
    expect(stored).toBe('allowed-by-loopback');
    await kubectlOk(server.kubeconfig, ['delete', 'configmap', '-n', 'default', 'allowed-by-loopback']);
  });
});
