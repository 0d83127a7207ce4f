import { describe, expect, it } from '@jest/globals';
import { routeMigration } from '../../../functions/route-migration/index.js';
import { ROUTER_NAME } from '../../../functions/route-migration/status.js';
import {
  MIGRATED_FOR_GATEWAY_LABEL,
  MIGRATED_FROM_LABEL,
} from '../../../shared/kube/keys/openshift-route.js';
import type { MemoryStore } from '../../../shared/kube/memory-store.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { type EventSpec, feed, newRuntime, readYaml } from './harness.js';

interface Case {
  name: string;
  events: EventSpec[];
  expect: {
    objects: string[];
    listeners: string[];
    status: Record<string, { status: string; reason: string }>;
    ports?: Record<string, number[]>;
  };
}

const state = readYaml<KubeObject[]>('route-migration/state.yaml');
const cases = readYaml<Case[]>('route-migration/cases.yaml');

const MADE_KINDS = [
  'gateway.networking.k8s.io/HTTPRoute',
  'gateway.networking.k8s.io/TLSRoute',
  'gateway.networking.k8s.io/ReferenceGrant',
  'gateway.networking.k8s.io/BackendTLSPolicy',
  'gateway.envoyproxy.io/BackendTrafficPolicy',
  'gateway.envoyproxy.io/SecurityPolicy',
  'gateway.envoyproxy.io/ClientTrafficPolicy',
  '/Secret',
  '/ConfigMap',
] as const;

function madeObjects(store: MemoryStore): string[] {
  return MADE_KINDS.flatMap((kind) =>
    store
      .list(kind)
      .filter(
        (o) => o.metadata.labels?.[MIGRATED_FROM_LABEL] || o.metadata.labels?.[MIGRATED_FOR_GATEWAY_LABEL],
      )
      .map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`),
  ).sort();
}

function conditions(store: MemoryStore): Record<string, { status: string; reason: string }> {
  const out: Record<string, { status: string; reason: string }> = {};
  for (const route of store.list('route.openshift.io/Route')) {
    const ingress = (
      route.status as { ingress?: { routerName: string; conditions: { status: string; reason: string }[] }[] }
    )?.ingress;
    const ours = ingress?.find((entry) => entry.routerName === ROUTER_NAME)?.conditions[0];
    if (ours)
      out[`${route.metadata.namespace}/${route.metadata.name}`] = {
        status: ours.status,
        reason: ours.reason,
      };
  }
  return out;
}

describe('route-migration', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const { store, processor } = await newRuntime(state, [routeMigration]);
    const results = await feed(processor, testCase.events);
    expect(results.map((r) => r.outcome)).toEqual(testCase.events.map(() => 'processed'));
    expect(madeObjects(store)).toEqual([...testCase.expect.objects].sort());
    const gateway = store.get('gateway.networking.k8s.io/Gateway', 'demo', 'demo-gateway');
    const spec = gateway?.spec as { listeners: { name: string }[] } | undefined;
    const listeners = spec?.listeners.map((l) => l.name);
    expect(listeners).toEqual(testCase.expect.listeners);
    expect(conditions(store)).toEqual(testCase.expect.status);
    for (const [id, ports] of Object.entries(testCase.expect.ports ?? {})) {
      const [namespace = '', name = ''] = id.split('/');
      const route = store.get('gateway.networking.k8s.io/HTTPRoute', namespace, name);
      const routeSpec = route?.spec as { rules: { backendRefs: { port: number }[] }[] } | undefined;
      const refs = routeSpec?.rules[0]?.backendRefs;
      expect(refs?.map((r) => r.port)).toEqual(ports);
    }
    // Every event again, in order: nothing more to do.
    const again = await feed(
      processor,
      testCase.events.map((e, i) => ({ ...e, id: `again-${i}` })),
    );
    expect(again.flatMap((r) => r.effects)).toEqual([]);
  });
});
