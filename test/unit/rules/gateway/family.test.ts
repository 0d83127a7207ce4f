import { describe, expect, it } from '@jest/globals';
import type { KindModel } from '../../../../shared/kube/model/kind-model.js';
import type { ModelView } from '../../../../shared/kube/model/model-view.js';
import type { GroupKind, KubeObject } from '../../../../shared/kube/object.js';
import { groupKindOf } from '../../../../shared/kube/object.js';
import { ROUTE_KINDS } from '../../../../shared/kube/schemas/gateway-api/definitions.js';
import { parseCidr } from '../../../../shared/net/cidr.js';
import { reviewObject } from '../../../../webhooks/review/engine.js';
import { gatewayFamily } from '../../../../webhooks/rules/gateway/index.js';
import { ruleFamilies } from '../../../../webhooks/rules/index.js';
import { admissionCaseFiles, caseObjects, loadCases } from '../support/fixture-cases.js';
import { contextFor, loadFixture, modelReading, storeWith } from './support/harness.js';

const settings = {
  serviceCidrs: [parseCidr('10.96.0.0/12')],
  platformNamespace: 'cpaas-system',
  metallbNamespace: 'metallb-system',
  now: () => new Date('2026-01-01T00:00:00Z'),
};

const gateway = (name: string, listeners: unknown[]): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { namespace: 'default', name },
  spec: { gatewayClassName: 'eg', addresses: [{ type: 'IPAddress', value: '192.0.2.10' }], listeners },
});

const https = (name: string) => ({
  name,
  port: 443,
  protocol: 'HTTPS',
  hostname: 'a.example.com',
  tls: { mode: 'Terminate', certificateRefs: [{ name: 'a-tls' }] },
  allowedRoutes: { namespaces: { from: 'Same' } },
});

describe('gateway family', () => {
  it('is registered with the webhook and acpnet validate', () => {
    expect(ruleFamilies).toContain(gatewayFamily);
  });

  it('denies a listener conflict with the documented message shape', async () => {
    const view = storeWith([gateway('eg', [https('https')])]);
    const result = await reviewObject({
      operation: 'CREATE',
      object: gateway('eg2', [https('web')]),
      view,
      settings,
    });
    expect(result.allowed).toBe(false);
    expect(result.code).toBe(403);
    expect(result.message).toBe(
      'spec.listeners[0]: hostname "a.example.com" on port 443/HTTPS is already used (HostnameConflict) ' +
        '[conflicts with listener "https" of Gateway default/eg]',
    );
  });

  it('admits with defaults patched in and warnings for objects not applied yet', async () => {
    const listener = {
      name: 'https',
      port: 443,
      protocol: 'HTTPS',
      tls: { certificateRefs: [{ name: 'later' }] },
    };
    const result = await reviewObject({
      operation: 'CREATE',
      object: gateway('eg', [listener]),
      view: storeWith(),
      settings,
    });
    expect(result.allowed).toBe(true);
    expect(result.patch).toEqual([
      { op: 'add', path: '/spec/listeners/0/tls/mode', value: 'Terminate' },
      { op: 'add', path: '/spec/listeners/0/allowedRoutes', value: { namespaces: { from: 'Same' } } },
    ]);
    expect(result.warnings).toEqual([
      'spec.listeners[0].tls.certificateRefs[0]: Secret default/later does not exist (yet); the listener stays unready until it does (InvalidCertificateRef)',
    ]);
  });

  it('denies an upstream-valid GRPCRoute outside the platform subset after the schema admits it', async () => {
    const route: KubeObject = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'GRPCRoute',
      metadata: { namespace: 'default', name: 'greeter' },
      spec: {
        rules: [
          {
            filters: [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { remove: ['server'] } }],
            sessionPersistence: { sessionName: 'greeter', type: 'Cookie' },
            backendRefs: [{ name: 'greeter', port: 50051 }],
          },
        ],
      },
    };
    const result = await reviewObject({ operation: 'CREATE', object: route, view: storeWith(), settings });
    expect(result.findings.filter((f) => f.rule === 'schema')).toEqual([]);
    expect(result.code).toBe(403);
    expect(result.message).toContain(
      'spec.rules[0].filters[0].type: the platform supports only the RequestHeaderModifier filter on GRPCRoutes, not ResponseHeaderModifier (UnsupportedValue)',
    );
    expect(result.message).toContain(
      'spec.rules[0].sessionPersistence: the platform does not support sessionPersistence on GRPCRoutes',
    );
  });

  it.each(loadFixture<KubeObject>('malformed.yaml').map((o) => [`${o.kind} ${o.metadata.name}`, o] as const))(
    'judges malformed %s without throwing',
    async (_name, object) => {
      // Rules meet malformed objects as the engine hands them: read through their kind's model
      // (a DELETE review, a stored neighbour). What the model cannot read at all is not judged.
      const reviewed = modelReading(object);
      if (!reviewed) return;
      const ctx = contextFor({ object: reviewed, state: [object], operation: 'UPDATE', oldObject: reviewed });
      if (!ctx) throw new Error('a model reading is always judged');
      for (const rule of gatewayFamily.rules.filter((r) =>
        r.kinds.some((k) => k.groupKind === groupKindOf(object)),
      ))
        expect(Array.isArray(await rule.check(ctx))).toBe(true);
      for (const mutator of gatewayFamily.mutators.filter((m) =>
        m.kinds.some((k) => k.groupKind === groupKindOf(object)),
      ))
        expect(Array.isArray(await mutator.mutate(ctx))).toBe(true);
    },
  );
});

/** Kinds that grow with the cluster: rules must reach them through indexes, never by listing. */
const LARGE: readonly GroupKind[] = [
  'gateway.networking.k8s.io/Gateway',
  'gateway.networking.k8s.io/ListenerSet',
  'gateway.envoyproxy.io/SecurityPolicy',
  'gateway.envoyproxy.io/EnvoyProxy',
  ...ROUTE_KINDS.map((kind) => kind.groupKind),
];

function listingGuard(view: ModelView, listed: string[]): ModelView {
  return new Proxy(view, {
    get(target, prop, receiver) {
      if (prop === 'list')
        return (kind: KindModel, namespace?: string) => {
          if (LARGE.includes(kind.groupKind) || namespace === undefined)
            listed.push(`${kind.groupKind} in ${namespace ?? 'all namespaces'}`);
          return target.list(kind, namespace);
        };
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('reads of the gateway rules', () => {
  const cases = admissionCaseFiles('gateway').flatMap((f) =>
    loadCases('gateway', f).map((c) => [`${f}: ${c.name}`, c] as const),
  );

  it.each(cases)('%s uses indexes, never a cluster-wide list', async (_name, c) => {
    const { state, object, oldObject } = await caseObjects(c);
    // As the engine reads it: some cases keep objects only a rule's own check is meant to see.
    const reviewed = object && modelReading(object);
    if (!reviewed) return;
    const ctx = contextFor({ operation: c.operation, state, object: reviewed, oldObject });
    if (!ctx) throw new Error('a model reading is always judged');
    const listed: string[] = [];
    const guarded = { ...ctx, view: listingGuard(ctx.view, listed) };
    for (const rule of gatewayFamily.rules.filter((r) =>
      r.kinds.some((k) => k.groupKind === groupKindOf(ctx.object)),
    ))
      await rule.check(guarded);
    for (const mutator of gatewayFamily.mutators.filter((m) =>
      m.kinds.some((k) => k.groupKind === groupKindOf(ctx.object)),
    ))
      await mutator.mutate(guarded);
    expect(listed).toEqual([]);
  });
});

describe('Secret reads', () => {
  it('reads a certificate Secret shared by many listeners once per review', async () => {
    const listeners = Array.from({ length: 16 }, (_, i) => ({
      name: `l${i}`,
      port: 443,
      protocol: 'HTTPS',
      hostname: `h${i}.example.com`,
      tls: { certificateRefs: [{ name: 'shared' }] },
    }));
    const ctx = contextFor({ object: gateway('eg', listeners) });
    if (!ctx) throw new Error('the Gateway is well-formed');
    const reads: string[] = [];
    const view = new Proxy(ctx.view, {
      get(target, prop, receiver) {
        if (prop === 'readSecret')
          return (ns: string, name: string) => {
            reads.push(`${ns}/${name}`);
            return target.readSecret(ns, name);
          };
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const rule = gatewayFamily.rules.find((r) => r.id === 'gateway/certificate-refs')!;
    const findings = await rule.check({ ...ctx, view });
    expect(reads).toEqual(['default/shared']);
    expect(findings).toHaveLength(16);
  });
});
