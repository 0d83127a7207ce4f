import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { pino } from 'pino';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import { createSelfSignedCertificate, type PemPair } from '../../../shared/tls/self-signed.js';
import { defaultRuleIndex } from '../../../webhooks/review/default-index.js';
import { reviewObject } from '../../../webhooks/review/engine.js';
import { buildWebhookApp, type WebhookApp } from '../../../webhooks/server/app.js';
import { createWebhookMetrics } from '../../../webhooks/server/metrics.js';
import { testSettings } from '../../unit/review/support/widgets.js';

let app: WebhookApp;
let pair: PemPair;

beforeAll(async () => {
  pair = await createSelfSignedCertificate({ dnsNames: ['localhost'] });
  const rules = defaultRuleIndex();
  const store = new MemoryStore();
  rules.registerIndexes(store);
  await store.start(rules.kindsToCache());
  app = buildWebhookApp({
    tls: { cert: Buffer.from(pair.certPem), key: Buffer.from(pair.keyPem) },
    view: store,
    isReady: () => true,
    settings: testSettings,
    review: (input, stage) => reviewObject(input, { rules, stage }),
    metrics: createWebhookMetrics({ processMetrics: false }),
    logger: pino({ level: 'silent' }),
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

const kinds = [
  ['gateway.networking.k8s.io', 'v1', 'Gateway'],
  ['gateway.networking.k8s.io', 'v1', 'HTTPRoute'],
  ['gateway.networking.k8s.io', 'v1beta1', 'ReferenceGrant'],
  ['gateway.envoyproxy.io', 'v1alpha1', 'SecurityPolicy'],
  ['', 'v1', 'Secret'],
  ['example.com', 'v1', 'Unknown'],
] as const;

/** Mostly `right`, sometimes anything else. */
function mostly<T>(right: fc.Arbitrary<T>, wrong: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: right, weight: 6 }, { arbitrary: wrong, weight: 1 });
}

const objects = fc.constantFrom(...kinds).chain(([group, version, kind]) =>
  fc.record({
    apiVersion: fc.constant(group ? `${group}/${version}` : version),
    kind: fc.constant(kind),
    metadata: mostly(fc.record({ name: fc.string(), namespace: fc.string() }), fc.anything()),
    spec: fc.anything({ maxDepth: 4 }),
  }),
);

/** AdmissionReviews whose envelope may be right or wrong and whose object is anything at all. */
const reviews = mostly(
  fc.record({
    apiVersion: mostly(fc.constant('admission.k8s.io/v1'), fc.string()),
    kind: mostly(fc.constant('AdmissionReview'), fc.string()),
    request: mostly(
      fc.record({
        uid: mostly(fc.uuid(), fc.oneof(fc.constant(''), fc.integer())),
        kind: fc.constantFrom(...kinds).map(([group, version, kind]) => ({ group, version, kind })),
        operation: mostly(fc.constantFrom('CREATE', 'UPDATE', 'DELETE', 'CONNECT'), fc.string()),
        namespace: fc.constantFrom('default', '', 'other'),
        object: mostly(objects, fc.anything()),
        oldObject: fc.option(mostly(objects, fc.anything())),
      }),
      fc.anything(),
    ),
  }),
  fc.anything(),
);

describe('AdmissionReviews of any shape', () => {
  it('get a review (200) or a clear 400, never an error or a crash', async () => {
    let reviewed = 0;
    await fc.assert(
      fc.asyncProperty(reviews, fc.constantFrom('/validate', '/mutate'), async (body, url) => {
        const reply = await app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(body) ?? 'null',
        });
        expect([200, 400]).toContain(reply.statusCode);
        const json = reply.json() as { message?: string; response?: { uid?: unknown; allowed?: unknown } };
        if (reply.statusCode === 400) expect(json.message).toEqual(expect.any(String));
        else {
          reviewed++;
          expect(typeof json.response?.allowed).toBe('boolean');
        }
      }),
      { numRuns: 300 },
    );
    // The generator reaches the review engine, not only the envelope checks (a small share of the
    // cases does: a random seed gave 10 of 300).
    expect(reviewed).toBeGreaterThan(2);
  }, 120_000);

  it('answers a failure of the engine itself as a denied review with code 500', async () => {
    const failing = buildWebhookApp({
      tls: { cert: Buffer.from(pair.certPem), key: Buffer.from(pair.keyPem) },
      view: new MemoryStore(),
      isReady: () => true,
      settings: testSettings,
      review: () => Promise.reject(new Error('store unreachable')),
      metrics: createWebhookMetrics({ processMetrics: false }),
      logger: pino({ level: 'silent' }),
    });
    const reply = await failing.inject({
      method: 'POST',
      url: '/validate',
      payload: {
        apiVersion: 'admission.k8s.io/v1',
        kind: 'AdmissionReview',
        request: {
          uid: 'u-1',
          kind: { group: '', version: 'v1', kind: 'Secret' },
          operation: 'CREATE',
          object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } },
        },
      },
    });
    await failing.close();
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      response: {
        uid: 'u-1',
        allowed: false,
        status: { code: 500, message: 'review failed: store unreachable' },
      },
    });
  });
});
