import { pino } from 'pino';
import { MemoryStore } from '../../shared/kube/memory-store.js';
import { createSelfSignedCertificate } from '../../shared/tls/self-signed.js';
import { defaultRuleIndex } from '../../webhooks/review/default-index.js';
import { reviewObject } from '../../webhooks/review/engine.js';
import { buildWebhookApp, type WebhookApp } from '../../webhooks/server/app.js';
import { createWebhookMetrics } from '../../webhooks/server/metrics.js';
import { testSettings } from '../unit/review/support/widgets.js';

/**
 * The webhook application with every rule family over an empty store whose indexes those rules
 * need, ready for `inject` (no port is opened). Close it when done.
 */
export async function webhookForInject(): Promise<Awaited<WebhookApp>> {
  const pair = await createSelfSignedCertificate({ dnsNames: ['localhost'] });
  const rules = defaultRuleIndex();
  const store = new MemoryStore();
  rules.registerIndexes(store);
  await store.start(rules.kindsToCache());
  const app = buildWebhookApp({
    tls: { cert: Buffer.from(pair.certPem), key: Buffer.from(pair.keyPem) },
    view: store,
    isReady: () => true,
    settings: testSettings,
    review: (input, stage) => reviewObject(input, { rules, stage }),
    metrics: createWebhookMetrics({ processMetrics: false }),
    logger: pino({ level: 'silent' }),
  });
  await app.ready();
  return app;
}
