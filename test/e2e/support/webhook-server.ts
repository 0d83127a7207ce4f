/**
 * `acpnet serve webhooks --kubeconfig` as a child process with a certificate for 127.0.0.1, and
 * the webhook configurations that make the API server call it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSelfSignedCertificate } from '../../../shared/tls/self-signed.js';
import { kubectl } from '../../support/kube-harness.js';
import { type AcpnetProcess, startAcpnet } from './acpnet-process.js';
import { applyOk, pollUntil } from './cluster.js';
import { webhookConfigurations } from './webhook-configuration.js';

export interface RunningWebhook {
  process: AcpnetProcess;
  port: number;
  caPem: string;
  /** Registers (or replaces) both webhook configurations under `name`, selecting objects labelled `runId`. */
  register(name: string, failurePolicy: 'Fail' | 'Ignore', runId: string): Promise<void>;
  unregister(name: string): Promise<void>;
  /** Stops the process (if running) and removes its certificate files. */
  stop(): Promise<void>;
}

function readyzStatus(port: number, caPem: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/readyz', method: 'GET', ca: caPem, timeout: 5000 },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

export interface WebhookOptions {
  kubeconfig: string;
  /** Namespace the certificates rules treat as the platform's (Domain Secrets live there). */
  platformNamespace: string;
  /** Addresses the serving certificate names besides 127.0.0.1 (to be called at a non-loopback URL). */
  ipAddresses?: readonly string[];
}

/** Starts the webhook server and waits until /readyz says its store has synced from the cluster. */
export async function startWebhookServer(options: WebhookOptions): Promise<RunningWebhook> {
  const dir = await mkdtemp(path.join(tmpdir(), 'acpnet-e2e-webhook-'));
  const pair = await createSelfSignedCertificate({
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1', ...(options.ipAddresses ?? [])],
  });
  await writeFile(path.join(dir, 'tls.crt'), pair.certPem);
  await writeFile(path.join(dir, 'tls.key'), pair.keyPem);
  const process = await startAcpnet({
    args: [
      'serve',
      'webhooks',
      '--kubeconfig',
      options.kubeconfig,
      '--webhook-port',
      '0',
      '--tls-cert',
      path.join(dir, 'tls.crt'),
      '--tls-key',
      path.join(dir, 'tls.key'),
      '--platform-namespace',
      options.platformNamespace,
    ],
    ready: (entry) => entry.msg === 'webhooks listening' && typeof entry.port === 'number',
    cwd: dir,
  });
  const port = process.readyEntry.port as number;
  await pollUntil(
    'the webhook /readyz',
    () => readyzStatus(port, pair.certPem),
    (status) => status === 200,
  );
  return {
    process,
    port,
    caPem: pair.certPem,
    register: (name, failurePolicy, runId) =>
      applyOk(
        options.kubeconfig,
        webhookConfigurations({ name, port, caPem: pair.certPem, runId, failurePolicy }),
      ),
    unregister: async (name) => {
      await kubectl(options.kubeconfig, [
        'delete',
        'validatingwebhookconfiguration,mutatingwebhookconfiguration',
        name,
        '--ignore-not-found',
        '--wait=false',
      ]);
    },
    stop: async () => {
      await process.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
