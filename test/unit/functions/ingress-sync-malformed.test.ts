import { describe, expect, it } from '@jest/globals';
import { ingressSync } from '../../../functions/ingress-sync/index.js';
import { decodeChangeEvent } from '../../../shared/events/apiserver.js';
import { EventFormatError } from '../../../shared/events/errors.js';
import { ModelView } from '../../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { ALB_RULE } from '../../../shared/kube/schemas/alb.js';
import { cloudEvent, feed, newRuntime, offlineContext, readYaml } from './harness.js';

const state = readYaml<KubeObject[]>('ingress-sync/state.yaml');

function ingress(name: string, spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'demo', uid: `uid-${name}` },
    spec: { ingressClassName: 'alb-demo', ...spec },
  };
}

function namedPortPath(path: string, service: string, port: string): Record<string, unknown> {
  return { path, pathType: 'Prefix', backend: { service: { name: service, port: { name: port } } } };
}

/** `spec.rules` as an object where the schema wants a list. */
const rulesAsObject = ingress('broken', {
  rules: { host: 'shop.example.com', http: { paths: [namedPortPath('/', 'web', 'http')] } },
});

describe('ingress-sync and malformed objects', () => {
  it('refuses an Ingress event whose spec.rules is not a list, as a permanent error naming the field', async () => {
    const { store, processor } = await newRuntime(state);
    const sent = processor.process(cloudEvent({ type: 'add', object: rulesAsObject }, 0));
    await expect(sent).rejects.toBeInstanceOf(EventFormatError);
    await expect(sent).rejects.toMatchObject({ field: 'data.spec.rules' });
    expect(store.list('crd.alauda.io/Rule')).toEqual([]);
  });

  it('reads a malformed Ingress handed to the planner directly in part, and plans no Rule from it', async () => {
    const { store } = await newRuntime(state);
    const event = decodeChangeEvent(cloudEvent({ type: 'add', object: rulesAsObject }, 0));
    const effects = await ingressSync.plan(
      { ...event, object: rulesAsObject },
      new ModelView(store),
      offlineContext,
    );
    expect(effects.map((e) => e.op)).toEqual(['patchStatus']);
  });

  it('plans around a stored Service with a malformed port instead of throwing', async () => {
    const badService: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'shaky', namespace: 'demo' },
      spec: {
        ports: [
          { name: 'http', port: 'eighty' },
          { name: 'admin', port: 9000 },
        ],
      },
    };
    const portsAsObject: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'flat', namespace: 'demo' },
      spec: { ports: { name: 'http', port: 8080 } },
    };
    const { store, processor } = await newRuntime([...state, badService, portsAsObject]);
    const shop = ingress('shop', {
      rules: [
        {
          host: 'shop.example.com',
          http: {
            paths: [
              namedPortPath('/bad', 'shaky', 'http'),
              namedPortPath('/admin', 'shaky', 'admin'),
              namedPortPath('/flat', 'flat', 'http'),
              namedPortPath('/web', 'web', 'http'),
            ],
          },
        },
      ],
    });
    const results = await feed(processor, [{ type: 'add', object: shop }]);
    expect(results.map((r) => r.outcome)).toEqual(['processed']);
    const rules = store.list(ALB_RULE.groupKind).map((r) => ALB_RULE.read(r).object);
    const served = rules.map((r) => `${r?.spec.url} -> ${r?.spec.serviceGroup?.services?.[0]?.port}`);
    expect(served.sort()).toEqual(['/admin -> 9000', '/web -> 8080']);
  });
});
