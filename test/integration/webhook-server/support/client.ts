import { type Agent, request } from 'node:https';
import type { PeerCertificate } from 'node:tls';

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  text: string;
  protocol: string | null;
  peerFingerprint: string;
  /** The client side's port: the same for two replies that shared a connection. */
  localPort: number | undefined;
}

export interface SendOptions {
  method?: 'GET' | 'POST';
  body?: string | Buffer;
  contentType?: string;
  ca: string | Buffer;
  maxVersion?: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  /** Skips verification: for reading whichever certificate is served while it rotates. */
  insecure?: boolean;
  /** A keep-alive agent to share connections; a fresh connection per request by default. */
  agent?: Agent;
}

/** One HTTPS request on a fresh connection that trusts only `ca`; resolves with status, JSON and peer cert. */
export function send(url: string, options: SendOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'POST',
        ca: options.ca,
        rejectUnauthorized: !options.insecure,
        agent: options.agent ?? false,
        maxVersion: options.maxVersion,
        minVersion: options.maxVersion === 'TLSv1.1' ? 'TLSv1' : undefined,
        headers:
          options.body === undefined ? {} : { 'content-type': options.contentType ?? 'application/json' },
      },
      (res) => {
        // Read the TLS details now: a keep-alive agent takes the socket back when the body ends.
        const socket = res.socket as import('node:tls').TLSSocket;
        const protocol = socket.getProtocol();
        const peer: PeerCertificate = socket.getPeerCertificate();
        const localPort = socket.localPort;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: Record<string, unknown> = {};
          try {
            body = JSON.parse(text) as Record<string, unknown>;
          } catch {
            body = {};
          }
          resolve({
            status: res.statusCode ?? 0,
            body,
            text,
            protocol,
            peerFingerprint: peer.fingerprint256,
            localPort,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function reviewBody(request: Record<string, unknown>): string {
  return JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request });
}

export function widgetRequest(uid: string, spec: Record<string, unknown>, labels?: Record<string, string>) {
  return {
    uid,
    kind: { group: 'example.acpnet.io', version: 'v1', kind: 'Widget' },
    resource: { group: 'example.acpnet.io', version: 'v1', resource: 'widgets' },
    operation: 'CREATE',
    namespace: 'demo',
    name: 'w',
    object: { apiVersion: 'example.acpnet.io/v1', kind: 'Widget', metadata: { name: 'w', labels }, spec },
  };
}
