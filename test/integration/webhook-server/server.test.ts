import { X509Certificate } from 'node:crypto';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import { createSelfSignedCertificate, type PemPair } from '../../../shared/tls/self-signed.js';
import { RuleIndex } from '../../../webhooks/review/rule-index.js';
import { type RunningWebhooks, startWebhooks } from '../../../webhooks/server/start.js';
import { testSettings, widgetFamily } from '../../unit/review/support/widgets.js';
import { reviewBody, send, widgetRequest } from './support/client.js';
import { slowFamily } from './support/slow-family.js';

const logLines: Record<string, unknown>[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
    done();
  },
});

let dir: string;
let pair: PemPair;
let store: MemoryStore;
let server: RunningWebhooks;
const slow = slowFamily();

async function writePair(next: PemPair): Promise<void> {
  // Written beside and renamed in, as a rotation tool or a Secret volume update would.
  await writeFile(path.join(dir, 'tls.key.new'), next.keyPem);
  await writeFile(path.join(dir, 'tls.crt.new'), next.certPem);
  await rename(path.join(dir, 'tls.key.new'), path.join(dir, 'tls.key'));
  await rename(path.join(dir, 'tls.crt.new'), path.join(dir, 'tls.crt'));
}

async function start(rules: RuleIndex): Promise<RunningWebhooks> {
  return startWebhooks({
    port: 0,
    host: '127.0.0.1',
    certFile: path.join(dir, 'tls.crt'),
    keyFile: path.join(dir, 'tls.key'),
    selfSignedDir: path.join(dir, 'unused'),
    view: store,
    isReady: () => store.isSynced(),
    settings: testSettings,
    rules,
    logger: pino({ level: 'debug' }, logStream),
  });
}

const post = (route: string, body: string | Buffer, contentType?: string) =>
  send(`${server.url}${route}`, { body, contentType, ca: pair.certPem });
const get = (route: string) => send(`${server.url}${route}`, { method: 'GET', ca: pair.certPem });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'acpnet-webhook-'));
  pair = await createSelfSignedCertificate({ dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  await writePair(pair);
  store = new MemoryStore();
  const rules = new RuleIndex([widgetFamily, slow.family]);
  rules.registerIndexes(store);
  server = await start(rules);
});

afterAll(async () => {
  slow.release();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('webhook server over TLS', () => {
  it('answers /readyz with 503 until the store is synced', async () => {
    const before = await get('/readyz');
    expect(before.status).toBe(503);
    expect(before.body.message).toBe('store caches are not synced yet');
    await store.start(['example.acpnet.io/Widget']);
    expect((await get('/readyz')).status).toBe(200);
    expect((await get('/healthz')).status).toBe(200);
  });

  it('admits a valid object, echoing the uid, over TLS 1.2 or newer', async () => {
    const reply = await post('/validate', reviewBody(widgetRequest('uid-ok', { color: 'red' })));
    expect(reply.status).toBe(200);
    expect(reply.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(reply.body).toEqual({
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      response: { uid: 'uid-ok', allowed: true },
    });
  });

  it('refuses a client limited to TLS 1.1', async () => {
    await expect(
      send(`${server.url}/healthz`, { method: 'GET', ca: pair.certPem, maxVersion: 'TLSv1.1' }),
    ).rejects.toThrow();
  });

  it('denies with 403, a message naming the field, and warnings', async () => {
    const reply = await post('/validate', reviewBody(widgetRequest('uid-deny', { size: 40 })));
    expect(reply.body.response).toEqual({
      uid: 'uid-deny',
      allowed: false,
      status: { code: 403, reason: 'Forbidden', message: 'spec.size: must be at most 10 (UnsupportedValue)' },
      warnings: ['spec.color: no color set'],
    });
    expect(logLines).toContainEqual(expect.objectContaining({ uid: 'uid-deny', msg: 'denied' }));
  });

  it('returns the mutations of /mutate as a base64 JSONPatch', async () => {
    const reply = await post('/mutate', reviewBody(widgetRequest('uid-mut', { size: 40 }, { team: 'a' })));
    const response = reply.body.response as Record<string, unknown>;
    expect(response).toMatchObject({ uid: 'uid-mut', allowed: true, patchType: 'JSONPatch' });
    expect(JSON.parse(Buffer.from(String(response.patch), 'base64').toString('utf8'))).toEqual([
      { op: 'add', path: '/metadata/labels/size', value: '40' },
    ]);
  });

  it('leaves out the patch when nothing changes', async () => {
    const reply = await post('/mutate', reviewBody(widgetRequest('uid-same', { size: 2 })));
    expect(reply.body.response).toEqual({ uid: 'uid-same', allowed: true });
  });

  it('fails closed with 500 naming a rule that threw, and logs and counts it', async () => {
    const reply = await post('/validate', reviewBody(widgetRequest('uid-boom', {}, { explode: 'yes' })));
    expect(reply.body.response).toMatchObject({
      uid: 'uid-boom',
      allowed: false,
      status: { code: 500, message: 'rule widgets/explode failed: boom' },
    });
    expect(logLines).toContainEqual(
      expect.objectContaining({
        uid: 'uid-boom',
        rule: 'widgets/explode',
        msg: 'rule failed; review denied',
      }),
    );
    expect((await get('/metrics')).text).toContain(
      'acpnet_webhook_rule_errors_total{rule="widgets/explode"} 1',
    );
  });

  it('allows kinds no rule covers', async () => {
    const request = {
      ...widgetRequest('uid-cm', {}),
      kind: { group: '', version: 'v1', kind: 'Pod' },
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } },
    };
    expect((await post('/validate', reviewBody(request))).body.response).toEqual({
      uid: 'uid-cm',
      allowed: true,
    });
  });

  it('reviews DELETE against the old object', async () => {
    const request = {
      ...widgetRequest('uid-del', {}),
      operation: 'DELETE',
      object: null,
      oldObject: {
        apiVersion: 'example.acpnet.io/v1',
        kind: 'Widget',
        metadata: { name: 'w', labels: { protected: 'true' } },
      },
    };
    expect((await post('/validate', reviewBody(request))).body.response).toMatchObject({
      uid: 'uid-del',
      allowed: false,
      status: { code: 403, message: 'metadata.labels: is protected' },
    });
  });

  const ok = widgetRequest('uid-x', {});
  it.each([
    ['malformed JSON', '{"apiVersion": ', 'application/json', 400, /^request body is not valid JSON: /],
    ['an empty body', '', 'application/json', 400, /^request body is empty/],
    ['a JSON array', '[]', 'application/json', 400, /^the body must be a JSON object/],
    [
      'a wrong apiVersion',
      JSON.stringify({ apiVersion: 'admission.k8s.io/v1beta1', kind: 'AdmissionReview', request: ok }),
      'application/json',
      400,
      /^apiVersion must be admission.k8s.io\/v1, got "admission.k8s.io\/v1beta1"$/,
    ],
    [
      'a wrong kind',
      JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'ConfigMap', request: ok }),
      'application/json',
      400,
      /^kind must be AdmissionReview, got "ConfigMap"$/,
    ],
    [
      'a missing request',
      JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }),
      'application/json',
      400,
      /^AdmissionReview has no request$/,
    ],
    ['a missing uid', reviewBody({ ...ok, uid: undefined }), 'application/json', 400, /request\.uid: /],
    [
      'an unknown operation',
      reviewBody({ ...ok, operation: 'PATCH' }),
      'application/json',
      400,
      /request\.operation: /,
    ],
    [
      'a CREATE without object',
      reviewBody({ ...ok, object: undefined }),
      'application/json',
      400,
      /request\.object is required for CREATE/,
    ],
    ['a text body', 'hello', 'text/plain', 415, /content-type must be application\/json/],
    ['a non-JSON content type', '<x/>', 'application/xml', 415, /content-type must be application\/json/],
  ])('refuses %s with a clear message', async (_name, body, contentType, status, message) => {
    const reply = await post('/validate', body, contentType);
    expect(reply.status).toBe(status);
    expect(String(reply.body.message)).toMatch(message);
  });

  it('refuses a body over 5 MiB with 413', async () => {
    const padding = 'x'.repeat(9 * 1024 * 1024);
    const reply = await post('/validate', reviewBody({ ...widgetRequest('uid-big', { padding }) }));
    expect(reply.status).toBe(413);
    expect(reply.body.message).toBe('request body is larger than the 5 MiB limit');
  });

  it('answers 200 concurrent reviews, each with its own uid', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 50, ca: pair.certPem });
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        send(`${server.url}/validate`, {
          body: reviewBody(widgetRequest(`uid-c${i}`, { size: i % 20, color: 'red' })),
          ca: pair.certPem,
          agent,
        }),
      ),
    );
    agent.destroy();
    replies.forEach((reply, i) => {
      expect(reply.body.response).toMatchObject({ uid: `uid-c${i}`, allowed: i % 20 <= 10 });
    });
  }, 60_000);

  it('exports reviews by kind, operation and verdict and a latency histogram', async () => {
    const text = (await get('/metrics')).text;
    // Widget is made up: a kind acpnet does not know is counted as "other", never as its own series.
    expect(text).toContain(
      'acpnet_webhook_reviews_total{endpoint="validate",kind="other",operation="CREATE",verdict="denied"}',
    );
    expect(text).toMatch(
      /acpnet_webhook_reviews_total\{endpoint="validate",kind="other",operation="CREATE",verdict="allowed"\} \d+/,
    );
    expect(text).not.toContain('example.acpnet.io/Widget');
    expect(text).toContain('acpnet_webhook_review_duration_seconds_bucket{le="0.001",endpoint="validate"}');
    expect(text).toContain('acpnet_webhook_reviews_total{endpoint="mutate"');
  });

  it('serves a new certificate after the files are replaced', async () => {
    const before = await get('/healthz');
    const next = await createSelfSignedCertificate({ dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
    await writePair(next);
    const deadline = Date.now() + 20_000;
    let served = before.peerFingerprint;
    while (served === before.peerFingerprint && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      served = (await send(`${server.url}/healthz`, { method: 'GET', ca: pair.certPem, insecure: true }))
        .peerFingerprint;
    }
    expect(served).toBe(new X509Certificate(next.certPem).fingerprint256);
    pair = next;
    expect((await get('/metrics')).text).toContain(
      'acpnet_webhook_certificate_reloads_total{result="success"} 1',
    );
  });

  it('keeps serving the old certificate when the new files do not match', async () => {
    const other = await createSelfSignedCertificate({ dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
    await writeFile(path.join(dir, 'tls.key'), other.keyPem);
    const deadline = Date.now() + 20_000;
    let text = '';
    while (!text.includes('result="failure"') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      text = (await get('/metrics')).text;
    }
    expect(text).toContain('acpnet_webhook_certificate_reloads_total{result="failure"}');
    expect((await get('/healthz')).status).toBe(200);
  });

  it('drains a review in flight on shutdown, then refuses new connections', async () => {
    const request = {
      ...widgetRequest('uid-slow', {}),
      kind: { group: 'example.acpnet.io', version: 'v1', kind: 'Slow' },
      object: { apiVersion: 'example.acpnet.io/v1', kind: 'Slow', metadata: { name: 's' } },
    };
    const inFlight = post('/validate', reviewBody(request));
    await slow.started;
    const closed = server.close();
    const refused = get('/healthz').then(
      (reply) => reply.status,
      (error: NodeJS.ErrnoException) => error.code,
    );
    expect(await refused).toMatch(/ECONNREFUSED|ECONNRESET|503/);
    slow.release();
    const reply = await inFlight;
    expect(reply.body.response).toEqual({ uid: 'uid-slow', allowed: true });
    await closed;
  });
});
