import { describe, expect, it } from '@jest/globals';
import {
  type ListenerOwnerKind,
  listenersOf,
  type OwnedListener,
} from '../../../../shared/gateway/listeners.js';
import { selectorMatches, selectorProblem } from '../../../../shared/kube/label-selector.js';
import { namespaceLabels } from '../../../../shared/kube/namespace-labels.js';
import { GATEWAY } from '../../../../shared/kube/schemas/gateway-api/definitions.js';
import { listener as listenerSchema } from '../../../../shared/kube/schemas/gateway-api/listener.js';
import type { ReferenceGrant } from '../../../../shared/kube/schemas/gateway-api/reference-grant.js';
import { listenerRefsVerdict } from '../../../../webhooks/rules/gateway/lib/certificate-ref-planner.js';
import { routeMatchesListenerHostname } from '../../../../webhooks/rules/gateway/lib/hostnames.js';
import {
  conflictVerdicts,
  planListenerConflicts,
} from '../../../../webhooks/rules/gateway/lib/listener-conflict-planner.js';
import {
  planRefusalText,
  planRouteAttachment,
} from '../../../../webhooks/rules/gateway/lib/route-attachment-planner.js';
import { loadFixture } from './support/harness.js';

type HostCase = [string | null, string[], boolean];

describe('hostname intersection', () => {
  it.each(loadFixture<HostCase>('hostnames.yaml'))(
    'listener %s, route %j -> %s',
    (listener, route, expected) => {
      expect(routeMatchesListenerHostname(listener ?? undefined, route)).toBe(expected);
    },
  );
});

function owned(rows: [ListenerOwnerKind, string, unknown, unknown][]): OwnedListener[] {
  const indexes = new Map<string, number>();
  return rows.map(([kind, name, listener]) => {
    const index = indexes.get(name) ?? 0;
    indexes.set(name, index + 1);
    return { owner: { kind, namespace: 'default', name }, index, listener: listenerSchema.parse(listener) };
  });
}

describe('conflict verdicts', () => {
  const cases = loadFixture<{
    name: string;
    listeners: [ListenerOwnerKind, string, unknown, string | null][];
  }>('conflict-verdicts.yaml');
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const verdicts = conflictVerdicts(owned(c.listeners));
    expect(verdicts.map((v) => v ?? null)).toEqual(c.listeners.map((l) => l[3]));
  });

  it('reports every pairwise conflict with the other listener, whatever the precedence', () => {
    const listeners = owned([
      ['Gateway', 'eg', { name: 'web', port: 80, protocol: 'HTTP' }, null],
      ['ListenerSet', 'a', { name: 'web', port: 80, protocol: 'HTTP' }, null],
    ]);
    const plans = planListenerConflicts(listeners);
    expect(plans.map((p) => p.conflicts.map((c) => [c.other.owner.name, c.reason]))).toEqual([
      [['a', 'HostnameConflict']],
      [['eg', 'HostnameConflict']],
    ]);
  });

  it('judges what the model keeps of malformed listeners without throwing', () => {
    const reading = GATEWAY.read({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { namespace: 'default', name: 'eg' },
      spec: {
        gatewayClassName: 'eg',
        listeners: [
          null,
          { port: 'eighty', protocol: 7 },
          { name: 'x', port: 80 },
          { name: 'web', port: 80, protocol: 'HTTP' },
        ],
      },
    });
    expect(reading.issues.length).toBeGreaterThan(0);
    const listeners = reading.object ? listenersOf(reading.object) : [];
    expect(listeners.map((l) => l.listener.name)).toEqual(['web']);
    expect(conflictVerdicts(listeners)).toEqual([undefined]);
  });
});

describe('label selectors', () => {
  const labels = { team: 'shop', tier: 'web' };
  it.each([
    [{ matchLabels: { team: 'shop' } }, true],
    [{ matchLabels: { team: 'blog' } }, false],
    [{ matchExpressions: [{ key: 'team', operator: 'In', values: ['shop', 'blog'] }] }, true],
    [{ matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['shop'] }] }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'Near' }] }, false],
    [{}, true],
  ])('%j matches: %s', (selector, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });

  it.each([
    [undefined, 'needs a selector'],
    [{}, 'needs matchLabels or matchExpressions'],
    [{ matchExpressions: [{ key: 'a', operator: 'Near' }] }, 'is not one of'],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, 'takes no values'],
  ])('%j is unusable: %s', (selector, problem) => {
    expect(selectorProblem(selector)).toContain(problem);
  });
});

describe('route attachment planner', () => {
  const listeners = owned([
    ['Gateway', 'eg', { name: 'http', port: 80, protocol: 'HTTP' }, null],
    ['Gateway', 'eg', { name: 'tls', port: 443, protocol: 'TLS', tls: { mode: 'Passthrough' } }, null],
  ]);
  const labels = namespaceLabels('default');

  it('names the reason and the listeners on each side', () => {
    const plan = planRouteAttachment(
      { kind: 'TLSRoute', namespace: 'default', hostnames: [] },
      {},
      listeners,
      labels,
    );
    expect(plan.reason).toBe('Accepted');
    expect(plan.accepted.map((l) => l.listener.name)).toEqual(['tls']);
    expect(plan.refused.map((r) => [r.listener.listener.name, r.why])).toEqual([['http', 'KindNotAllowed']]);
    expect(plan.refused[0]?.detail).toBe(
      'listener "http" (HTTP) takes HTTPRoute and GRPCRoute, not TLSRoute',
    );
  });

  it('says why in words: the kinds a listener takes, the namespaces it admits, the hostname it serves', () => {
    const route = { kind: 'HTTPRoute', namespace: 'demo', hostnames: ['www.example.org'] };
    const tcp = planRouteAttachment(
      route,
      { sectionName: 'tcp' },
      owned([['Gateway', 'gw', { name: 'tcp', port: 9000, protocol: 'TCP' }, null]]),
      namespaceLabels('demo'),
    );
    expect(planRefusalText(tcp, route, 'Gateway demo/gw', { sectionName: 'tcp' })).toBe(
      'Gateway demo/gw does not take this HTTPRoute: listener "tcp" (TCP) takes TCPRoute, not HTTPRoute',
    );
    const others = planRouteAttachment(
      { ...route, namespace: 'shop' },
      {},
      owned([
        ['Gateway', 'gw', { name: 'same', port: 80, protocol: 'HTTP' }, null],
        [
          'Gateway',
          'gw',
          {
            name: 'named',
            port: 81,
            protocol: 'HTTP',
            hostname: 'api.example.com',
            allowedRoutes: { namespaces: { from: 'All' } },
          },
          null,
        ],
      ]),
      namespaceLabels('shop'),
    );
    expect(planRefusalText(others, route, 'Gateway demo/gw', {})).toBe(
      'Gateway demo/gw does not take this HTTPRoute: listener "same" takes routes only from its own namespace default, not from shop; ' +
        'listener "named" serves api.example.com, and none of the route\'s hostnames (www.example.org) matches it',
    );
    expect(
      planRefusalText({ reason: 'NoMatchingParent', accepted: [], refused: [] }, route, 'Gateway demo/gw', {
        sectionName: 'x',
        port: 8,
      }),
    ).toBe('Gateway demo/gw has no listener named "x" on port 8');
  });

  it('matches namespaces by the kubernetes.io/metadata.name label the API server sets', () => {
    const selectorListener = owned([
      [
        'Gateway',
        'eg',
        {
          name: 'sel',
          port: 80,
          protocol: 'HTTP',
          allowedRoutes: {
            namespaces: {
              from: 'Selector',
              selector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
            },
          },
        },
        null,
      ],
    ]);
    const route = { kind: 'HTTPRoute', namespace: 'shop', hostnames: [] };
    expect(planRouteAttachment(route, {}, selectorListener, namespaceLabels('shop')).reason).toBe('Accepted');
    expect(
      planRouteAttachment({ ...route, namespace: 'blog' }, {}, selectorListener, namespaceLabels('blog'))
        .reason,
    ).toBe('NotAllowedByListeners');
  });
});

describe('listener ResolvedRefs verdict', () => {
  const from = { group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'demo' };
  const grant: ReferenceGrant = {
    apiVersion: 'gateway.networking.k8s.io/v1beta1',
    kind: 'ReferenceGrant',
    metadata: { namespace: 'certs', name: 'gateways' },
    spec: {
      from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'demo' }],
      to: [{ group: '', kind: 'Secret' }],
    },
  };
  const usable = new Set(['demo/good', 'certs/shared']);
  const https = (certificateRefs: unknown[], extra: Record<string, unknown> = {}) =>
    listenerSchema.parse({ name: 'l', port: 443, protocol: 'HTTPS', tls: { certificateRefs }, ...extra });

  it.each([
    ['usable Secrets', https([{ name: 'good' }]), [], 'ResolvedRefs'],
    [
      'a granted Secret of another namespace',
      https([{ name: 'shared', namespace: 'certs' }]),
      [grant],
      'ResolvedRefs',
    ],
    [
      'an ungranted Secret of another namespace',
      https([{ name: 'shared', namespace: 'certs' }]),
      [],
      'RefNotPermitted',
    ],
    ['only unusable Secrets', https([{ name: 'missing' }]), [], 'InvalidCertificateRef'],
    [
      'a usable and an unusable Secret',
      https([{ name: 'good' }, { name: 'missing' }]),
      [],
      'PartiallyInvalidCertificateRef',
    ],
    [
      'a reference to another kind',
      https([{ group: 'example.com', kind: 'Cert', name: 'good' }]),
      [],
      'InvalidCertificateRef',
    ],
    [
      'an unsupported route kind',
      https([{ name: 'good' }], { allowedRoutes: { kinds: [{ kind: 'TCPRoute' }] } }),
      [],
      'InvalidRouteKinds',
    ],
  ])('%s: %s', (_name, listener, grants, expected) => {
    const verdict = listenerRefsVerdict(
      listener,
      from,
      (ns) => (grants as ReferenceGrant[]).filter((g) => g.metadata.namespace === ns),
      (ns, name) => usable.has(`${ns}/${name}`),
    );
    expect(verdict).toBe(expected);
  });
});
