/**
 * ingress-sync follows every input of its Rules: Service, Namespace and IngressClass events (deletes
 * too) re-plan the Ingresses that read them, exactly as the Ingresses' own events would; an ALB2 gets
 * an IngressClass of its name.
 */
import { describe, expect, it } from '@jest/globals';
import { describeTarget, type EffectRecord } from '../../../functions/runtime/applier.js';
import type { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { type EventSpec, feed, newRuntime, readYaml } from './harness.js';

const state = readYaml<KubeObject[]>('ingress-sync/state.yaml');

const RULE = 'crd.alauda.io/Rule';
const FRONTEND = 'crd.alauda.io/Frontend';
const INGRESS_CLASS = 'networking.k8s.io/IngressClass';

type Backend = { service: string; port: { name: string } | { number: number } };

function ingress(
  name: string,
  namespace: string,
  paths: Record<string, Backend>,
  /** '' names no class. */
  className = 'alb-demo',
): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace, uid: `ing-${namespace}-${name}` },
    spec: {
      ...(className ? { ingressClassName: className } : {}),
      rules: [
        {
          http: {
            paths: Object.entries(paths).map(([path, backend]) => ({
              path,
              pathType: 'Prefix',
              backend: { service: { name: backend.service, port: backend.port } },
            })),
          },
        },
      ],
    },
  };
}

function service(name: string, namespace: string, ports: { name: string; port: number }[]): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, uid: `svc-${namespace}-${name}` },
    spec: { ports },
  };
}

function namespaceObject(name: string, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

function ingressClass(name: string, annotations: Record<string, string> = {}, controller = 'cpaas.io/alb2') {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name, annotations },
    spec: { controller },
  } satisfies KubeObject;
}

function alb2(name: string, namespace: string, uid: string): KubeObject {
  return {
    apiVersion: 'crd.alauda.io/v2beta1',
    kind: 'ALB2',
    metadata: { name, namespace, uid },
    spec: { address: '10.0.0.9', config: { projects: ['demo'] } },
  };
}

let serial = 0;
/** Events with ids unique across feeds (the processor skips a repeated id as a duplicate). */
function events(...specs: [EventSpec['type'], KubeObject][]): EventSpec[] {
  return specs.map(([type, object]) => ({ type, object, id: `input-${++serial}` }));
}

/** Rules (by source and index) with their backends, as comparable data. */
function rules(store: MemoryStore): string[] {
  return store
    .list(RULE)
    .map((rule) => {
      const labels = rule.metadata.labels ?? {};
      const spec = rule.spec as { serviceGroup: { services: { name: string; port: number }[] } };
      const backend = spec.serviceGroup.services.map((s) => `${s.name}:${s.port}`).join(',');
      return `${labels['alb2.cpaas.io/source-ns']}/${labels['alb2.cpaas.io/source-name']} ${labels['alb2.cpaas.io/source-index']} on ${labels['alb2.cpaas.io/frontend']} -> ${backend}`;
    })
    .sort();
}

/** Everything ingress-sync writes, without the store's own bookkeeping (resourceVersions). */
function written(store: MemoryStore): unknown[] {
  const ingresses = store.list('networking.k8s.io/Ingress').map((i) => [i.metadata.name, i.status]);
  const objects = ([FRONTEND, RULE, INGRESS_CLASS] as const).flatMap((kind) =>
    store.list(kind).map((o) => ({
      kind: o.kind,
      namespace: o.metadata.namespace,
      name: o.metadata.name,
      labels: o.metadata.labels,
      owners: o.metadata.ownerReferences,
      spec: o.spec,
    })),
  );
  return [...objects, ...ingresses];
}

function describeEffects(records: readonly EffectRecord[]): string[] {
  return records.map((r) => `${r.op} ${describeTarget(r)}`);
}

/** The same events in another order end in the same written state: the inputs' order does not matter. */
async function expectOrderIndependent(first: EventSpec[], second: EventSpec[]): Promise<MemoryStore> {
  const a = await newRuntime(state);
  await feed(a.processor, [...first, ...second]);
  const b = await newRuntime(state);
  await feed(b.processor, [...second, ...first]);
  expect(written(a.store)).toEqual(written(b.store));
  return a.store;
}

describe('ingress-sync re-plans the Ingresses that read a Service', () => {
  const api = ingress('api', 'demo', { '/api': { service: 'api', port: { name: 'http' } } });

  it('a Service that appears after its Ingress gives the Rule its named port resolves to', async () => {
    const { store, processor } = await newRuntime(state);
    await feed(processor, events(['add', api]));
    expect(rules(store)).toEqual([]);

    const [result] = await feed(
      processor,
      events(['add', service('api', 'demo', [{ name: 'http', port: 8081 }])]),
    );
    expect(result?.outcome).toBe('processed');
    expect(describeEffects(result?.effects ?? [])).toEqual([
      'apply Frontend cpaas-system/alb-demo-00080',
      expect.stringMatching(/^apply Rule cpaas-system\/alb-demo-00080-[0-9a-f]{16}$/),
    ]);
    expect(rules(store)).toEqual(['demo/api 0-0 on alb-demo-00080 -> api:8081']);
  });

  it('ends where the Service coming first would have', async () => {
    await expectOrderIndependent(
      events(['add', api]),
      events(['add', service('api', 'demo', [{ name: 'http', port: 8081 }])]),
    );
  });

  it('a changed port of the Service moves the Rule to it', async () => {
    const { store, processor } = await newRuntime(state);
    await feed(
      processor,
      events(['add', api], ['add', service('api', 'demo', [{ name: 'http', port: 8081 }])]),
    );
    await feed(processor, events(['update', service('api', 'demo', [{ name: 'http', port: 9000 }])]));
    expect(rules(store)).toEqual(['demo/api 0-0 on alb-demo-00080 -> api:9000']);
  });

  it('a deleted Service leaves what planning without it gives: named ports lose their Rule, numbered ones keep it', async () => {
    const mixed = ingress('mixed', 'demo', {
      '/named': { service: 'api', port: { name: 'http' } },
      '/numbered': { service: 'api', port: { number: 80 } },
    });
    const apiService = service('api', 'demo', [{ name: 'http', port: 8081 }]);
    const { store, processor } = await newRuntime(state);
    await feed(processor, events(['add', apiService], ['add', mixed]));
    expect(rules(store)).toEqual([
      'demo/mixed 0-0 on alb-demo-00080 -> api:8081',
      'demo/mixed 0-1 on alb-demo-00080 -> api:80',
    ]);

    const [result] = await feed(processor, events(['delete', apiService]));
    expect(describeEffects(result?.effects ?? [])).toEqual([
      expect.stringMatching(/^delete Rule cpaas-system\/alb-demo-00080-[0-9a-f]{16}$/),
    ]);

    const never = await newRuntime(state);
    await feed(never.processor, events(['add', mixed]));
    expect(rules(store)).toEqual(rules(never.store));
    expect(rules(store)).toEqual(['demo/mixed 0-1 on alb-demo-00080 -> api:80']);
  });

  it('a Service no Ingress sends to, or a change that alters no Rule, has no effects', async () => {
    const { processor } = await newRuntime(state);
    await feed(
      processor,
      events(['add', api], ['add', service('api', 'demo', [{ name: 'http', port: 8081 }])]),
    );
    const results = await feed(
      processor,
      events(
        ['add', service('unrelated', 'demo', [{ name: 'http', port: 80 }])],
        [
          'update',
          service('api', 'demo', [
            { name: 'http', port: 8081 },
            { name: 'admin', port: 9090 },
          ]),
        ],
        ['add', service('api', 'other', [{ name: 'http', port: 1 }])],
      ),
    );
    expect(results.map((r) => [r.outcome, r.effects])).toEqual([
      ['processed', []],
      ['processed', []],
      ['processed', []],
    ]);
  });
});

describe('ingress-sync re-plans the Ingresses of a Namespace', () => {
  const lobby = ingress('lobby', 'loose', { '/': { service: 'web', port: { number: 80 } } });
  const desk = ingress('desk', 'loose', { '/desk': { service: 'web', port: { number: 80 } } });

  it('a project label added later gives the Ingresses of the namespace their Rules, in name order', async () => {
    const { store, processor } = await newRuntime(state);
    await feed(processor, events(['add', lobby], ['add', desk]));
    expect(rules(store)).toEqual([]);

    const [result] = await feed(
      processor,
      events(['update', namespaceObject('loose', { 'cpaas.io/project': 'demo' })]),
    );
    expect(describeEffects(result?.effects ?? [])).toEqual([
      'apply Frontend cpaas-system/alb-demo-00080',
      expect.stringMatching(/^apply Rule /),
      'patch Ingress loose/desk',
      expect.stringMatching(/^apply Rule /),
      'patch Ingress loose/lobby',
    ]);
    expect(rules(store)).toEqual([
      'loose/desk 0-0 on alb-demo-00080 -> web:80',
      'loose/lobby 0-0 on alb-demo-00080 -> web:80',
    ]);
    const rule = store.list(RULE).find((r) => r.metadata.labels?.['alb2.cpaas.io/source-name'] === 'lobby');
    expect(rule?.metadata.labels?.['cpaas.io/project']).toBe('demo');
  });

  it('ends where the label being there first would have', async () => {
    await expectOrderIndependent(
      events(['add', lobby]),
      events(['update', namespaceObject('loose', { 'cpaas.io/project': 'demo' })]),
    );
  });

  it('a project label removed again takes the Rules away', async () => {
    const { store, processor } = await newRuntime(state);
    await feed(
      processor,
      events(['add', lobby], ['update', namespaceObject('loose', { 'cpaas.io/project': 'demo' })]),
    );
    expect(rules(store)).toHaveLength(1);
    await feed(processor, events(['update', namespaceObject('loose')]));
    expect(rules(store)).toEqual([]);
  });
});

describe('ingress-sync re-plans the Ingresses an IngressClass decides', () => {
  const classless = ingress('plain', 'demo', { '/p': { service: 'web', port: { number: 80 } } }, '');

  it('a default IngressClass created later gives the Ingresses without a class their Rules', async () => {
    const { store, processor } = await newRuntime(state);
    await feed(processor, events(['add', classless]));
    expect(rules(store)).toEqual([]);

    await feed(
      processor,
      events(['add', ingressClass('alb-always', { 'ingressclass.kubernetes.io/is-default-class': 'true' })]),
    );
    expect(rules(store)).toEqual(['demo/plain 0-0 on alb-always-00443 -> web:80']);
  });

  it('ends where the default class being there first would have', async () => {
    await expectOrderIndependent(
      events(['add', classless]),
      events(['add', ingressClass('alb-always', { 'ingressclass.kubernetes.io/is-default-class': 'true' })]),
    );
  });

  it('a deleted default IngressClass takes the Rules of the Ingresses without a class away', async () => {
    const defaultClass = ingressClass('alb-always', {
      'ingressclass.kubernetes.io/is-default-class': 'true',
    });
    const { store, processor } = await newRuntime(state);
    await feed(processor, events(['add', defaultClass], ['add', classless]));
    expect(rules(store)).toHaveLength(1);
    await feed(processor, events(['delete', defaultClass]));
    expect(rules(store)).toEqual([]);
  });

  it('an IngressClass that decides nothing new has no effects', async () => {
    const { processor } = await newRuntime(state);
    await feed(
      processor,
      events(['add', ingress('named', 'demo', { '/n': { service: 'web', port: { number: 80 } } })]),
    );
    const results = await feed(processor, events(['update', ingressClass('alb-demo', { team: 'edge' })]));
    expect(results.map((r) => r.effects)).toEqual([[]]);
  });
});

describe('ingress-sync gives each ALB2 an IngressClass of its name', () => {
  const uid = '00000000-0000-0000-0000-00000000c1a5';

  it('an added ALB2 applies its IngressClass, labelled with and owned by the ALB2', async () => {
    const { store, processor } = await newRuntime(state);
    const [result] = await feed(processor, events(['add', alb2('alb-new', 'cpaas-system', uid)]));
    expect(describeEffects(result?.effects ?? [])).toEqual(['apply IngressClass alb-new']);
    const created = store.get(INGRESS_CLASS, '', 'alb-new');
    expect(created).toMatchObject({
      apiVersion: 'networking.k8s.io/v1',
      metadata: {
        name: 'alb-new',
        labels: { 'alb2.cpaas.io/name': 'alb-new' },
        ownerReferences: [
          { apiVersion: 'crd.alauda.io/v2beta1', kind: 'ALB2', name: 'alb-new', uid, controller: true },
        ],
      },
      spec: { controller: 'cpaas.io/alb2' },
    });
    expect(created?.metadata.ownerReferences?.[0]).not.toHaveProperty('blockOwnerDeletion');

    const [again] = await feed(processor, events(['update', alb2('alb-new', 'cpaas-system', uid)]));
    expect(again?.effects).toEqual([]);
  });

  it('a deleted ALB2 deletes its IngressClass', async () => {
    const { store, processor } = await newRuntime(state);
    await feed(processor, events(['add', alb2('alb-new', 'cpaas-system', uid)]));
    const [result] = await feed(processor, events(['delete', alb2('alb-new', 'cpaas-system', uid)]));
    expect(describeEffects(result?.effects ?? [])).toEqual(['delete IngressClass alb-new']);
    expect(store.get(INGRESS_CLASS, '', 'alb-new')).toBeUndefined();
  });

  it("leaves alone an IngressClass of another controller, and never deletes one that is not the ALB2's", async () => {
    const { store, processor } = await newRuntime([
      ...state,
      ingressClass('alb-new', {}, 'k8s.io/ingress-nginx'),
    ]);
    const results = await feed(
      processor,
      events(['add', alb2('alb-new', 'cpaas-system', uid)], ['delete', alb2('alb-new', 'cpaas-system', uid)]),
    );
    expect(results.map((r) => r.effects)).toEqual([[], []]);
    expect(store.get(INGRESS_CLASS, '', 'alb-new')?.spec).toEqual({ controller: 'k8s.io/ingress-nginx' });
  });

  it('an ALB2 of the same name in another namespace leaves the class to the first, and inherits it on its delete', async () => {
    const otherUid = '00000000-0000-0000-0000-00000000c1a6';
    const { store, processor } = await newRuntime(state);
    const [, second] = await feed(
      processor,
      events(
        ['add', alb2('alb-new', 'cpaas-system', uid)],
        ['add', alb2('alb-new', 'edge-system', otherUid)],
      ),
    );
    expect(second?.effects).toEqual([]);
    expect(store.get(INGRESS_CLASS, '', 'alb-new')?.metadata.ownerReferences?.[0]?.uid).toBe(uid);

    const [handover] = await feed(processor, events(['delete', alb2('alb-new', 'cpaas-system', uid)]));
    expect(describeEffects(handover?.effects ?? [])).toEqual(['apply IngressClass alb-new']);
    expect(store.get(INGRESS_CLASS, '', 'alb-new')?.metadata.ownerReferences?.map((o) => o.uid)).toEqual([
      otherUid,
    ]);
  });
});
