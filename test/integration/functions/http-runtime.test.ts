import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { allFunctions } from '../../../functions/registry.js';
import type { EventFunction } from '../../../functions/runtime/contract.js';
import { type HttpRuntime, startHttpRuntime } from '../../../functions/runtime/http-runtime.js';
import { createLogger } from '../../../functions/runtime/logger.js';
import { FunctionMetrics } from '../../../functions/runtime/metrics.js';
import { prepareStore } from '../../../functions/runtime/prepare.js';
import { EventProcessor } from '../../../functions/runtime/processor.js';
import { buildChangeEvent } from '../../../shared/events/apiserver.js';
import { encodeHttpEvent, type HttpMode } from '../../../shared/events/http.js';
import { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { INGRESS } from '../../../shared/kube/schemas/ingress.js';
import { clusterState } from './scenario.js';

let runtime: HttpRuntime;
let store: MemoryStore;

function ingress(name: string): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'demo', uid: `uid-${name}`, resourceVersion: '5' },
    spec: {
      ingressClassName: 'alb-demo',
      rules: [
        {
          http: {
            paths: [
              {
                path: `/${name}`,
                pathType: 'Prefix',
                backend: { service: { name: 'web', port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
  };
}

async function post(
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${runtime.url}/`, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}

beforeAll(async () => {
  store = new MemoryStore();
  store.load(clusterState());
  await prepareStore(store, allFunctions);
  const logger = createLogger('silent');
  const metrics = new FunctionMetrics();
  const processor = new EventProcessor({ store, functions: allFunctions, mirror: true, logger, metrics });
  runtime = await startHttpRuntime({
    processor,
    port: 0,
    host: '127.0.0.1',
    bodyLimit: 64 * 1024,
    logger,
    metrics,
    ready: () => store.isSynced(),
  });
});

afterAll(async () => {
  await runtime?.close();
});

describe('HTTP (Knative) runtime', () => {
  // The first event also creates the http Frontend, hence one effect more.
  it.each<[HttpMode, string, number]>([
    ['binary', 'bin', 3],
    ['structured', 'struct', 2],
  ])('takes a %s-mode event and answers 202 once the Rule exists', async (mode, name, effects) => {
    const event = buildChangeEvent('add', ingress(name), { source: 'test://http' });
    const message = encodeHttpEvent(event, mode);
    const response = await post(message.headers, message.body);
    expect(response.status).toBe(202);
    expect(JSON.parse(response.body)).toEqual({ id: event.id, outcome: 'processed', effects });
    const rules = store.byIndex('crd.alauda.io/Rule', 'ingress-sync/rules-by-source', `demo/${name}`);
    expect(rules).toHaveLength(1);
  });

  it('answers a redelivered event with 202 and no effects', async () => {
    const event = buildChangeEvent('add', ingress('bin'), { source: 'test://http' });
    const message = encodeHttpEvent(event, 'binary');
    const response = await post(message.headers, message.body);
    expect(response.status).toBe(202);
    expect(JSON.parse(response.body)).toMatchObject({ outcome: 'duplicate', effects: 0 });
  });

  it.each([
    ['no CloudEvent at all', { 'content-type': 'application/json' }, '{}', /no CloudEvent/],
    [
      'malformed structured JSON',
      { 'content-type': 'application/cloudevents+json' },
      '{"id":',
      /malformed|JSON/i,
    ],
    [
      'an unsupported event type',
      {
        'ce-specversion': '1.0',
        'ce-id': 'x1',
        'ce-source': 's',
        'ce-type': 'com.example.other',
        'content-type': 'application/json',
      },
      '{}',
      /unsupported event type/,
    ],
    [
      'a Resource-mode event whose data is no object',
      {
        'ce-specversion': '1.0',
        'ce-id': 'x2',
        'ce-source': 's',
        'ce-type': 'dev.knative.apiserver.resource.add',
        'content-type': 'application/json',
      },
      '[1,2]',
      /data: must be a Kubernetes object/,
    ],
    [
      'an Ingress whose spec.rules is not a list',
      {
        'ce-specversion': '1.0',
        'ce-id': 'x3',
        'ce-source': 's',
        'ce-type': 'dev.knative.apiserver.resource.add',
        'content-type': 'application/json',
      },
      JSON.stringify({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'bad', namespace: 'demo' },
        spec: { rules: { host: 'a.example.com' } },
      }),
      /data\.spec\.rules: Ingress demo\/bad does not conform/,
    ],
    [
      'a missing required attribute',
      {
        'ce-specversion': '1.0',
        'ce-source': 's',
        'ce-type': 'dev.knative.apiserver.resource.add',
        'content-type': 'application/json',
      },
      '{}',
      /id/,
    ],
  ])('rejects %s with 400 (not retried)', async (_what, headers, body, message) => {
    const response = await post(headers, body);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error).toMatch(message);
  });

  it('refuses a body over the limit with 413', async () => {
    const event = buildChangeEvent(
      'add',
      {
        ...ingress('big'),
        metadata: { name: 'big', namespace: 'demo', annotations: { pad: 'x'.repeat(70_000) } },
      },
      { source: 'test://http' },
    );
    const message = encodeHttpEvent(event, 'structured');
    expect((await post(message.headers, message.body)).status).toBe(413);
  });

  it('serves liveness, readiness and metrics', async () => {
    expect((await fetch(`${runtime.url}/health/liveness`)).status).toBe(200);
    expect((await fetch(`${runtime.url}/health/readiness`)).status).toBe(200);
    expect((await fetch(`${runtime.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${runtime.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${runtime.url}/metrics`)).text();
    expect(metrics).toMatch(/acpnet_function_events_total\{function="ingress-sync",outcome="applied"\} 2/);
    expect(metrics).toMatch(/acpnet_function_events_rejected_total\{runtime="http"\} [1-9]/);
  });
});

describe('HTTP runtime on a transient failure', () => {
  it('answers 503 so the broker retries, and 202 once the failure is gone', async () => {
    let failing = true;
    const flaky: EventFunction = {
      name: 'flaky',
      consumes: [INGRESS],
      reads: [],
      plan: () => {
        if (failing) throw new Error('store unavailable');
        return [];
      },
    };
    const logger = createLogger('silent');
    const flakyStore = new MemoryStore();
    await prepareStore(flakyStore, [flaky]);
    const processor = new EventProcessor({ store: flakyStore, functions: [flaky], mirror: false, logger });
    const flakyRuntime = await startHttpRuntime({
      processor,
      port: 0,
      host: '127.0.0.1',
      logger,
      ready: () => true,
    });
    try {
      const message = encodeHttpEvent(
        buildChangeEvent('add', ingress('flaky'), { source: 'test://http' }),
        'binary',
      );
      const send = () =>
        fetch(`${flakyRuntime.url}/`, { method: 'POST', headers: message.headers, body: message.body });
      const first = await send();
      expect(first.status).toBe(503);
      expect(((await first.json()) as { error: string }).error).toBe('store unavailable');
      failing = false;
      expect((await send()).status).toBe(202);
    } finally {
      await flakyRuntime.close();
    }
  });
});
