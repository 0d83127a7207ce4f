/**
 * The shipped mutating webhooks' matchConditions (infra/deploy/base/webhooks.yaml) on a real
 * kube-apiserver with the upstream CRDs: the API server accepts them, skips the /mutate call for
 * objects whose defaults are all written, and still sends objects missing one or of an unexpected
 * shape (test/fixtures/deploy/mutate-conditions.yaml), also in a group whose CRDs default nothing,
 * where the conditions alone decide. The webhook here records what it is sent
 * and allows it, so what is observed is the API server's choice alone; for every object skipped,
 * acpnet's mutators are run on the object the API server admitted and must patch nothing.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parse, parseAllDocuments } from 'yaml';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { reviewObject } from '../../../webhooks/review/engine.js';
import { issueCertificate, keyPem } from '../../support/certs.js';
import {
  installUpstreamCrds,
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectl,
  kubectlOk,
  useKubeApiServer,
  waitForCrdsEstablished,
} from '../../support/kube-harness.js';
import { settings } from '../../unit/rules/support/fixture-cases.js';

jest.setTimeout(180_000);

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const id = randomBytes(4).toString('hex');
const namespace = `acpnet-mutate-${id}`;
/** A group whose CRDs for Gateway and HTTPRoute keep any fields and default none. */
const bareGroup = 'mutate-conditions.acpnet.test';
const configName = `acpnet-mutate-conditions-${id}`;

interface Case {
  name: string;
  sent: boolean;
  refused?: string;
  object: { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };
}

const cases = parse(
  readFileSync(path.join(repoRoot, 'test/fixtures/deploy/mutate-conditions.yaml'), 'utf8'),
) as Case[];

let server: KubeApiServer;
let webhook: Server;
/** `Kind/name` of every object the API server sent to /mutate. */
const sent: string[] = [];

interface Review {
  request: { uid: string; kind: { kind: string }; name?: string; object?: { metadata?: { name?: string } } };
}

/** The shipped mutating webhooks, pointed at `url` and limited to this test's namespace. */
function shippedMutatingWebhooks(url: string, caPem: string): Record<string, unknown>[] {
  const file = readFileSync(path.join(repoRoot, 'infra/deploy/base/webhooks.yaml'), 'utf8');
  const config = parseAllDocuments(file)
    .map((doc) => doc.toJS() as { kind: string; webhooks: Record<string, unknown>[] })
    .find((doc) => doc.kind === 'MutatingWebhookConfiguration');
  return (config?.webhooks ?? []).map((w) => ({
    ...w,
    name: `${w.name as string}`.replace('acpnet.io', `${id}.acpnet.test`),
    rules: (w.rules as { apiGroups: string[] }[]).flatMap((rule) => [
      rule,
      { ...rule, apiGroups: [bareGroup] },
    ]),
    clientConfig: { url, caBundle: Buffer.from(caPem).toString('base64') },
    // The API server may be shared: only this namespace's objects are sent.
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
  }));
}

/** Creates an object (dry run) until its verdict stops changing: a fresh configuration takes a moment to be used. */
function create(object: Case['object'], dryRun: boolean) {
  return kubectl(
    server.kubeconfig,
    ['create', ...(dryRun ? ['--dry-run=server'] : []), '-o', 'json', '-f', '-'],
    {
      stdin: JSON.stringify({ ...object, metadata: { ...object.metadata, namespace } }),
    },
  );
}

function bareCrd(kind: string, plural: string): Record<string, unknown> {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${bareGroup}` },
    spec: {
      group: bareGroup,
      scope: 'Namespaced',
      names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: { spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
            },
          },
        },
      ],
    },
  };
}

beforeAll(async () => {
  server = await useKubeApiServer();
  await installUpstreamCrds(server.kubeconfig);
  await kubectlOk(server.kubeconfig, ['apply', '-f', '-'], {
    stdin: JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [bareCrd('Gateway', 'gateways'), bareCrd('HTTPRoute', 'httproutes')],
    }),
  });
  await waitForCrdsEstablished(server.kubeconfig, [`gateways.${bareGroup}`, `httproutes.${bareGroup}`]);
  await kubectlOk(server.kubeconfig, ['create', 'namespace', namespace]);
  const ca = await issueCertificate({ commonName: 'mutate-conditions-ca', ca: true });
  const serving = await issueCertificate({ commonName: '127.0.0.1', ips: ['127.0.0.1'], issuer: ca });
  webhook = createServer({ cert: serving.certPem, key: keyPem(serving.key) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const review = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Review;
      sent.push(
        `${review.request.kind.kind}/${review.request.name || review.request.object?.metadata?.name}`,
      );
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          apiVersion: 'admission.k8s.io/v1',
          kind: 'AdmissionReview',
          response: { uid: review.request.uid, allowed: true },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(webhook.address() as AddressInfo).port}/mutate`;
  await kubectlOk(server.kubeconfig, ['apply', '-f', '-'], {
    stdin: JSON.stringify({
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'MutatingWebhookConfiguration',
      metadata: { name: configName },
      webhooks: shippedMutatingWebhooks(url, ca.certPem),
    }),
  });
  // Wait until the configuration is in use: an object that is always sent reaches the webhook.
  const always = cases.find((c) => c.sent && !c.refused);
  if (!always) throw new Error('the fixture needs an object that is sent and admitted');
  const deadline = Date.now() + 60_000;
  while (!sent.includes(`${always.object.kind}/${always.object.metadata.name}`)) {
    if (Date.now() > deadline) throw new Error('the API server never called the webhook');
    await create(always.object, true);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (server) {
    await kubectl(server.kubeconfig, [
      'delete',
      'mutatingwebhookconfiguration',
      configName,
      '--ignore-not-found',
    ]);
    await kubectl(server.kubeconfig, ['delete', 'namespace', namespace, '--wait=false']);
  }
  await new Promise((resolve) => webhook?.close(resolve));
  await server?.stop();
});

describe('shipped mutating webhooks on a real API server', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    sent.length = 0;
    const result = await create(testCase.object, false);
    const key = `${testCase.object.kind}/${testCase.object.metadata.name}`;
    expect({ sent: sent.includes(key) }).toEqual({ sent: testCase.sent });
    if (testCase.refused) {
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(testCase.refused);
      return;
    }
    // v1alpha2 TLSRoutes draw a deprecation warning; nothing else may be said.
    expect(result.stderr.replace(/^Warning: The v1alpha2 version of TLSRoute .*\n/m, '')).toBe('');
    expect(result.code).toBe(0);
    if (testCase.sent) return;
    // Skipped: acpnet's mutators would have patched nothing in the object the API server admitted.
    const admitted = JSON.parse(result.stdout) as KubeObject;
    const version = admitted.apiVersion.split('/')[1];
    const object = { ...admitted, apiVersion: `gateway.networking.k8s.io/${version}` };
    const review = await reviewObject(
      { operation: 'CREATE', object, view: new MemoryStore(), settings },
      { stage: 'mutate' },
    );
    expect({ allowed: review.allowed, patch: review.patch }).toEqual({ allowed: true, patch: [] });
  });
});
