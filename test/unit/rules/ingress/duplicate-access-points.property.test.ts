import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { reviewObject } from '../../../../webhooks/review/engine.js';
import { RuleIndex } from '../../../../webhooks/review/rule-index.js';
import { ingressFamily } from '../../../../webhooks/rules/ingress/index.js';
import { settings, storeWith } from '../support/fixture-cases.js';

interface Shape {
  host: string;
  path: string;
  tls: boolean;
}

const rules = new RuleIndex([ingressFamily]);
const shape = fc.record({
  host: fc.constantFrom('', 'a.local', 'b.local'),
  path: fc.constantFrom('', '/', '/x'),
  tls: fc.boolean(),
});

function ingress(name: string, shapes: readonly Shape[]): KubeObject {
  const tlsHosts = shapes.filter((s) => s.tls && s.host).map((s) => s.host);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'k-1' },
    spec: {
      ...(tlsHosts.length > 0 ? { tls: [{ hosts: tlsHosts, secretName: 'cert' }] } : {}),
      rules: shapes.map((s) => ({
        ...(s.host ? { host: s.host } : {}),
        http: {
          paths: [
            {
              ...(s.path ? { path: s.path } : {}),
              pathType: 'ImplementationSpecific',
              backend: { service: { name: 'web', port: { number: 80 } } },
            },
          ],
        },
      })),
    },
  };
}

/** Access points computed independently: a TLS-listed host is https, no host `_`, no path `/`. */
function points(shapes: readonly Shape[]): Set<string> {
  const secured = new Set(shapes.filter((s) => s.tls && s.host).map((s) => s.host));
  return new Set(
    shapes.map(
      (s) => `${s.host || '_'}|${s.host && secured.has(s.host) ? 'https' : 'http'}|${s.path || '/'}`,
    ),
  );
}

describe('duplicate access points by index', () => {
  it('name exactly the stored Ingresses a brute-force comparison finds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(shape, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.array(shape, { minLength: 1, maxLength: 3 }),
        async (stored, incoming) => {
          const objects = stored.map((shapes, i) => ingress(`ing-${i}`, shapes));
          const mine = points(incoming);
          const expected = stored
            .map((shapes, i) => ({ name: `Ingress k-1/ing-${i}`, theirs: points(shapes) }))
            .filter(({ theirs }) => [...theirs].some((p) => mine.has(p)))
            .map(({ name }) => name)
            .sort();
          const result = await reviewObject(
            {
              operation: 'CREATE',
              object: ingress('new', incoming),
              view: storeWith([ingressFamily], objects),
              settings,
            },
            { rules },
          );
          const found = [...new Set(result.findings.map((f) => f.conflictsWith ?? ''))].sort();
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
