import { describe, expect, it } from '@jest/globals';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { kindModel } from '../../../../shared/kube/registry.js';
import type { ReadView } from '../../../../shared/kube/store.js';
import { reviewObject } from '../../../../webhooks/review/engine.js';
import { RuleIndex } from '../../../../webhooks/review/rule-index.js';
import { albFamily } from '../../../../webhooks/rules/alb/index.js';
import { ruleFamilies } from '../../../../webhooks/rules/index.js';
import { ingressFamily } from '../../../../webhooks/rules/ingress/index.js';
import { settings, storeWith } from '../support/fixture-cases.js';

function ingress(name: string, host: string, path: string): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'k-1' },
    spec: {
      rules: [
        {
          host,
          http: {
            paths: [
              { path, pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
            ],
          },
        },
      ],
    },
  };
}

/** A view that counts full listings of a kind: a review by index needs none. */
function countingListings(view: ReadView): { view: ReadView; listings: string[] } {
  const listings: string[] = [];
  const counted: ReadView = {
    get: (kind, namespace, name) => view.get(kind, namespace, name),
    list: (kind, namespace) => {
      listings.push(kind);
      return view.list(kind, namespace);
    },
    byIndex: (kind, index, value) => view.byIndex(kind, index, value),
    overlapping: (kind, index, range) => view.overlapping(kind, index, range),
    readSecret: (namespace, name) => view.readSecret(namespace, name),
  };
  return { view: counted, listings };
}

describe('ingress and alb families', () => {
  it('are registered, and every kind they read is a known kind', () => {
    expect(ruleFamilies).toContain(ingressFamily);
    expect(ruleFamilies).toContain(albFamily);
    for (const kind of [...ingressFamily.reads, ...albFamily.reads])
      expect(kindModel(kind.groupKind)).toBe(kind);
  });

  it('finds a duplicate access point among 2,000 Ingresses by index, listing none', async () => {
    const stored = Array.from({ length: 2000 }, (_, i) => ingress(`app-${i}`, `app-${i}.demo.local`, '/'));
    const { view, listings } = countingListings(storeWith([ingressFamily], stored));
    const result = await reviewObject(
      { operation: 'CREATE', object: ingress('late', 'app-1234.demo.local', '/'), view, settings },
      { rules: new RuleIndex([ingressFamily]) },
    );
    expect(listings).toEqual([]);
    expect(result.findings.map((f) => f.conflictsWith)).toEqual(['Ingress k-1/app-1234']);
  });

  it('run beside every other family without failures; certificates keep the TLS advice', async () => {
    const object = {
      ...ingress('web', 'web.local', '/'),
      metadata: {
        name: 'web',
        namespace: 'k-1',
        annotations: { 'alb.networking.cpaas.io/tls': 'web.local=k-1/web-tls,bad' },
      },
    };
    const result = await reviewObject(
      { operation: 'CREATE', object, view: storeWith(ruleFamilies, []), settings },
      { rules: new RuleIndex(ruleFamilies) },
    );
    expect(result.failures).toEqual([]);
    expect(result.findings.map((f) => `${f.severity} ${f.rule}`).sort()).toEqual([
      'deny ingress/annotations',
      'warn certificates/ingress-tls',
    ]);
  });
});
