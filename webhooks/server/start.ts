import type { Logger } from 'pino';
import type { ReadView } from '../../shared/kube/store.js';
import { reviewObject } from '../review/engine.js';
import type { RuleIndex } from '../review/rule-index.js';
import type { AdmissionSettings } from '../rules/types.js';
import { buildWebhookApp, type Reviewer, type WebhookApp } from './app.js';
import { createWebhookMetrics, type WebhookMetrics } from './metrics.js';
import { loadTlsMaterial, resolveServingFiles, watchServingCertificate } from './serving-tls.js';

export interface StartWebhooksOptions {
  port: number;
  host?: string;
  certFile?: string;
  keyFile?: string;
  /** Where a self-signed pair is kept when no certificate is given (`.acpnet/webhook-tls`). */
  selfSignedDir: string;
  view: ReadView;
  isReady: () => boolean;
  settings: AdmissionSettings;
  rules: RuleIndex;
  logger: Logger;
  /** Replaces the review engine (the benchmark's constant-allow baseline). */
  review?: Reviewer;
  metrics?: WebhookMetrics;
  bodyLimit?: number;
  requestTimeoutMs?: number;
}

export interface RunningWebhooks {
  app: WebhookApp;
  port: number;
  url: string;
  certFile: string;
  /** Stops accepting connections and resolves once in-flight reviews are answered. */
  close(): Promise<void>;
}

/** Starts the HTTPS admission webhook and watches its certificate files for rotation. */
export async function startWebhooks(options: StartWebhooksOptions): Promise<RunningWebhooks> {
  const files = await resolveServingFiles({
    certFile: options.certFile,
    keyFile: options.keyFile,
    dir: options.selfSignedDir,
  });
  if (files.selfSigned)
    options.logger.info({ certFile: files.certFile }, 'serving a self-signed certificate');
  const tls = await loadTlsMaterial(files);
  const metrics = options.metrics ?? createWebhookMetrics();
  const review: Reviewer =
    options.review ?? ((input, stage) => reviewObject(input, { rules: options.rules, stage }));
  const app = buildWebhookApp({
    tls,
    view: options.view,
    isReady: options.isReady,
    settings: options.settings,
    review,
    metrics,
    logger: options.logger,
    bodyLimit: options.bodyLimit,
    requestTimeoutMs: options.requestTimeoutMs,
  });
  await app.listen({ port: options.port, host: options.host ?? '0.0.0.0' });
  const watcher = watchServingCertificate({
    files,
    current: tls,
    install: (context) => app.server.setSecureContext(context),
    logger: options.logger,
    onReload: (result) => metrics.certificateReloads.inc({ result }),
  });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  let closing: Promise<void> | undefined;
  return {
    app,
    port,
    url: `https://${options.host && options.host !== '0.0.0.0' ? options.host : 'localhost'}:${port}`,
    certFile: files.certFile,
    close() {
      closing ??= (async () => {
        watcher.close();
        await app.close();
      })();
      return closing;
    },
  };
}
