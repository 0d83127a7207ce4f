import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { KubeObject } from '../../../shared/kube/object.js';
import { validateSchema } from '../../../shared/kube/registry.js';
import { loadSchemaCases } from './support/schema-cases.js';

/** Broken input of any shape yields schema issues that name a field; validation never throws. */

const fixtures = [
  'gateway.yaml',
  'httproute.yaml',
  'grpcroute.yaml',
  'l4-routes.yaml',
  'listenerset.yaml',
  'backendtlspolicy.yaml',
  'core.yaml',
  'envoyproxy.yaml',
  'securitypolicy.yaml',
  'traffic-policies.yaml',
];
const validObjects = fixtures.flatMap((f) => loadSchemaCases(f).allowed.map(([, o]) => o));

/** Every path to a value inside an object, so a mutation can replace any one of them. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  }
  return here;
}

function replaceAt(obj: KubeObject, path: (string | number)[], replacement: unknown): KubeObject {
  const copy = structuredClone(obj) as unknown as Record<string | number, unknown>;
  let cursor: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  cursor[path[path.length - 1]!] = replacement;
  return copy as unknown as KubeObject;
}

describe('schemas on broken input', () => {
  it.each([
    [
      'a spec that is a string',
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: {}, spec: 'x' },
      'spec',
    ],
    [
      'listeners that are null entries',
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: {},
        spec: { gatewayClassName: 'eg', listeners: [null] },
      },
      'spec.listeners[0]',
    ],
    [
      'rules that are a map',
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: {},
        spec: { rules: { a: 1 } },
      },
      'spec.rules',
    ],
    [
      'a path value that is a number',
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: {},
        spec: { rules: [{ matches: [{ path: { value: 5 } }] }] },
      },
      'spec.rules[0].matches[0].path.value',
    ],
    [
      'a Service patch value that is not an object',
      {
        apiVersion: 'gateway.envoyproxy.io/v1alpha1',
        kind: 'EnvoyProxy',
        metadata: {},
        spec: {
          provider: {
            type: 'Kubernetes',
            kubernetes: { envoyService: { patch: { value: { spec: { ports: 'x' } } } } },
          },
        },
      },
      undefined,
    ],
    ['metadata missing', { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80 }] } }, 'metadata'],
  ])('%s', (_name, object, path) => {
    const issues = validateSchema(object as unknown as KubeObject);
    if (path === undefined) expect(issues).toEqual([]);
    else expect(issues.map((i) => i.path)).toContain(path);
  });

  // apiVersion and kind choose the schema; callers establish they are strings before validating.
  const mutable = (path: (string | number)[]) => path[0] !== 'apiVersion' && path[0] !== 'kind';

  it('replacing any field of a valid object with any JSON value never throws and names a field', () => {
    const cases = fc
      .constantFrom(...validObjects)
      .chain((obj) =>
        fc.tuple(
          fc.constant(obj),
          fc.constantFrom(...pathsOf(obj).filter(mutable)),
          fc.jsonValue({ maxDepth: 3 }),
        ),
      );
    fc.assert(
      fc.property(cases, ([obj, path, replacement]) => {
        const issues = validateSchema(replaceAt(obj, path, replacement));
        for (const issue of issues) {
          expect(issue.path.length).toBeGreaterThan(0);
          expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
