/**
 * The webhook server offers HTTP/2 by ALPN and still answers HTTP/1.1 clients on the same port;
 * broken HTTP/2 traffic (garbage frames, a stream reset mid-body, a silent stream) is answered or
 * dropped without taking the server or the other streams down.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type ClientHttp2Session, connect, constants } from 'node:http2';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import { createSelfSignedCertificate, type PemPair } from '../../../shared/tls/self-signed.js';
import { RuleIndex } from '../../../webhooks/review/rule-index.js';
import { type RunningWebhooks, startWebhooks } from '../../../webhooks/server/start.js';
import { testSettings, widgetFamily } from '../../unit/review/support/widgets.js';
import { reviewBody, send, widgetRequest } from './support/client.js';

let dir: string;
let pair: PemPair;
let server: RunningWebhooks;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'acpnet-webhook-h2-'));
  pair = await createSelfSignedCertificate({ dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
  await writeFile(path.join(dir, 'tls.crt'), pair.certPem);
  await writeFile(path.join(dir, 'tls.key'), pair.keyPem);
  const store = new MemoryStore();
  const rules = new RuleIndex([widgetFamily]);
  rules.registerIndexes(store);
  await store.start(['example.acpnet.io/Widget']);
  server = await startWebhooks({
    port: 0,
    host: '127.0.0.1',
    certFile: path.join(dir, 'tls.crt'),
    keyFile: path.join(dir, 'tls.key'),
    selfSignedDir: path.join(dir, 'unused'),
    view: store,
    isReady: () => store.isSynced(),
    settings: testSettings,
    rules,
    logger: pino({ level: 'silent' }),
    requestTimeoutMs: 1_000,
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function h2Session(): Promise<ClientHttp2Session> {
  return new Promise((resolve, reject) => {
    const session = connect(server.url, { ca: pair.certPem });
    session.once('connect', () => resolve(session));
    session.once('error', reject);
  });
}

interface H2Reply {
  status: number;
  body: Record<string, unknown>;
}

/** One request on an HTTP/2 session; resolves with the status and JSON body. */
function h2Request(
  session: ClientHttp2Session,
  route: string,
  body?: string,
  contentType = 'application/json',
): Promise<H2Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      ':method': body === undefined ? 'GET' : 'POST',
      ':path': route,
    };
    if (body !== undefined) headers['content-type'] = contentType;
    const stream = session.request(headers);
    let status = 0;
    const chunks: Buffer[] = [];
    stream.on('response', (h) => {
      status = Number(h[':status']);
    });
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve({ status, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    stream.on('error', reject);
    stream.end(body);
  });
}

/** The protocol ALPN settles on when the client offers `protocols`. */
function negotiated(protocols: string[]): Promise<string | false> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect(
      { host: '127.0.0.1', port: server.port, ca: pair.certPem, ALPNProtocols: protocols },
      () => {
        resolve(socket.alpnProtocol ?? false);
        socket.end();
      },
    );
    socket.on('error', reject);
  });
}

describe('HTTP/2 serving', () => {
  it.each([
    [['h2', 'http/1.1'], 'h2'],
    [['http/1.1'], 'http/1.1'],
  ])('settles ALPN offering %j on %s', async (offered, expected) => {
    expect(await negotiated(offered)).toBe(expected);
  });

  it('admits and mutates over one HTTP/2 session, concurrent reviews each with their uid', async () => {
    const session = await h2Session();
    try {
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          h2Request(
            session,
            '/validate',
            reviewBody(widgetRequest(`uid-h2-${i}`, { size: i, color: 'red' })),
          ),
        ),
      );
      replies.forEach((reply, i) => {
        expect(reply.status).toBe(200);
        expect(reply.body.response).toMatchObject({ uid: `uid-h2-${i}`, allowed: i <= 10 });
      });
      const mutated = await h2Request(session, '/mutate', reviewBody(widgetRequest('uid-h2-m', {})));
      expect(mutated.body.response).toMatchObject({ uid: 'uid-h2-m', allowed: true, patchType: 'JSONPatch' });
    } finally {
      session.close();
    }
  });

  it('still answers an HTTP/1.1 client that offers no ALPN', async () => {
    const reply = await send(`${server.url}/validate`, {
      body: reviewBody(widgetRequest('uid-h1', { color: 'red' })),
      ca: pair.certPem,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.response).toEqual({ uid: 'uid-h1', allowed: true });
  });

  it('keeps an idle HTTP/1.1 connection open past Node’s 5 s default, as the API server expects', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: pair.certPem });
    try {
      const healthz = () => send(`${server.url}/healthz`, { method: 'GET', ca: pair.certPem, agent });
      const first = await healthz();
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const second = await healthz();
      expect(second.localPort).toBe(first.localPort);
    } finally {
      agent.destroy();
    }
  }, 20_000);

  it.each([
    ['a body that is not JSON', '{"apiVersion":', 'application/json', 400, /not valid JSON/],
    ['a text body', 'hello', 'text/plain', 415, /content-type must be application\/json/],
    [
      'a body over the limit',
      reviewBody(widgetRequest('big', { pad: 'x'.repeat(9 * 1024 * 1024) })),
      'application/json',
      413,
      /larger than/,
    ],
    [
      'a review without a request',
      '{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}',
      'application/json',
      400,
      /no request/,
    ],
  ])(
    'answers %s over HTTP/2 with its status and message',
    async (_what, body, contentType, status, message) => {
      const session = await h2Session();
      try {
        const reply = await h2Request(session, '/validate', body, contentType);
        expect(reply.status).toBe(status);
        expect(String(reply.body.message)).toMatch(message);
      } finally {
        session.close();
      }
    },
  );

  it('survives garbage after the HTTP/2 preface and keeps serving', async () => {
    const socket = tlsConnect({
      host: '127.0.0.1',
      port: server.port,
      ca: pair.certPem,
      ALPNProtocols: ['h2'],
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('secureConnect', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<void>((resolve) => {
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
      socket.resume();
    });
    socket.write('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
    // A frame header claiming a 16 MiB DATA frame on stream 0, then noise.
    socket.write(Buffer.from([0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5]));
    await closed;
    const session = await h2Session();
    try {
      expect((await h2Request(session, '/healthz')).status).toBe(200);
    } finally {
      session.close();
    }
  });

  it('drops a stream reset mid-body and a silent stream, and serves the session on', async () => {
    const session = await h2Session();
    try {
      const reset = session.request({
        ':method': 'POST',
        ':path': '/validate',
        'content-type': 'application/json',
      });
      reset.on('error', () => undefined);
      reset.write('{"apiVersion":"admission.k8s.io/v1",');
      reset.close(constants.NGHTTP2_CANCEL);
      const silent = session.request({
        ':method': 'POST',
        ':path': '/validate',
        'content-type': 'application/json',
      });
      const silentClosed = new Promise<number>((resolve) => {
        silent.on('close', () => resolve(silent.rstCode));
        silent.on('error', () => undefined);
      });
      silent.write('{');
      // The server cancels the stream that stays silent past the request timeout (1 s here).
      expect(await silentClosed).toBe(constants.NGHTTP2_CANCEL);
      const reply = await h2Request(
        session,
        '/validate',
        reviewBody(widgetRequest('uid-after', { color: 'red' })),
      );
      expect(reply.body.response).toEqual({ uid: 'uid-after', allowed: true });
    } finally {
      session.close();
    }
  });
});
