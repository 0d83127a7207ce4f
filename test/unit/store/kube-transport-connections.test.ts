/**
 * Requests through the kubeconfig transport keep their TLS connections: client-node makes a new
 * connection pool per request, so without the transport's reuse every request costs a TLS
 * handshake on both ends (ten requests, ten handshakes). A real HTTPS server with client-certificate
 * authentication counts them.
 */
import { once } from 'node:events';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KubeConfig } from '@kubernetes/client-node';
import { kubeConfigTransport } from '../../../shared/kube/kube-store/transport.js';
import { issueCertificate, keyPem } from '../../support/certs.js';

const server = { handshakes: 0, requests: 0, url: '' };
let close: () => Promise<void> = async () => {};
let kubeConfig: KubeConfig;

beforeAll(async () => {
  const ca = await issueCertificate({ ca: true, commonName: 'test-ca' });
  const serving = await issueCertificate({ issuer: ca, ips: ['127.0.0.1'], commonName: 'apiserver' });
  const client = await issueCertificate({ issuer: ca, commonName: 'acpnet' });
  const https = createServer(
    {
      key: keyPem(serving.key),
      cert: serving.certPem,
      ca: ca.certPem,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (_request, response) => {
      server.requests += 1;
      response.setHeader('content-type', 'application/json');
      response.end('{"kind":"Status","status":"Success"}');
    },
  );
  https.on('secureConnection', () => {
    server.handshakes += 1;
  });
  https.listen(0, '127.0.0.1');
  await once(https, 'listening');
  server.url = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => https.close(() => resolve()));
  kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{ name: 'c', server: server.url, caData: Buffer.from(ca.certPem).toString('base64') }],
    users: [
      {
        name: 'u',
        certData: Buffer.from(client.certPem).toString('base64'),
        keyData: Buffer.from(keyPem(client.key)).toString('base64'),
      },
    ],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }],
    currentContext: 'ctx',
  });
});

afterAll(async () => {
  await close();
});

describe('kubeconfig transport', () => {
  it('makes six requests one after another over at most two TLS connections, four at once over four more', async () => {
    const transport = kubeConfigTransport(kubeConfig);
    for (let i = 0; i < 6; i++) {
      expect((await transport({ method: 'GET', path: '/api' })).statusCode).toBe(200);
    }
    // undici itself opens a second connection for the second request, then keeps using it.
    expect(server.handshakes).toBeLessThanOrEqual(2);
    await Promise.all(Array.from({ length: 4 }, () => transport({ method: 'GET', path: '/api' })));
    expect(server.requests).toBe(10);
    expect(server.handshakes).toBeLessThanOrEqual(6);
  });
});
