import { describe, expect, it } from '@jest/globals';
import {
  type ListenerOwnerKind,
  type OwnedListener,
  readListener,
} from '../../../../shared/gateway/listeners.js';
import { selectorMatches, selectorProblem } from '../../../../shared/kube/label-selector.js';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { listenerRefsVerdict } from '../../../../webhooks/rules/gateway/certificate-ref-planner.js';
import { routeMatchesListenerHostname } from '../../../../webhooks/rules/gateway/hostnames.js';
import {
  conflictVerdicts,
  planListenerConflicts,
} from '../../../../webhooks/rules/gateway/listener-conflict-planner.js';
import {
  namespaceLabels,
  planRouteAttachment,
} from '../../../../webhooks/rules/gateway/route-attachment-planner.js';
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
    return { owner: { kind, namespace: 'default', name }, index, listener: readListener(listener, index) };
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

  it('judges malformed listeners without throwing', () => {
    const listeners = owned([
      ['Gateway', 'eg', null, null],
      ['Gateway', 'eg', { port: 'eighty', protocol: 7 }, null],
      ['Gateway', 'eg', { name: 'x', port: 80 }, null],
    ]);
    expect(conflictVerdicts(listeners)).toEqual([undefined, undefined, undefined]);
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
  const grant: KubeObject = {
    apiVersion: 'gateway.networking.k8s.io/v1beta1',
    kind: 'ReferenceGrant',
    metadata: { namespace: 'certs', name: 'gateways' },
    spec: {
      from: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'demo' }],
      to: [{ kind: 'Secret' }],
    },
  };
  const usable = new Set(['demo/good', 'certs/shared']);
  const https = (certificateRefs: unknown[], extra: Record<string, unknown> = {}) =>
    readListener({ name: 'l', port: 443, protocol: 'HTTPS', tls: { certificateRefs }, ...extra }, 0);

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
      (ns) => (grants as KubeObject[]).filter((g) => g.metadata.namespace === ns),
      (ns, name) => usable.has(`${ns}/${name}`),
    );
    expect(verdict).toBe(expected);
  });
});
