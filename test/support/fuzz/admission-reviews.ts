import fc from 'fast-check';
import type { KubeObject } from '../../../shared/kube/object.js';
import { groupOf, versionOf } from '../../../shared/kube/object.js';
import { deepMarkers } from './hostile-values.js';
import { contentTypes, type HttpCase, httpCase, jsonText, spoiledBody } from './http-requests.js';
import { knownObjects, names, namespaces, unknownObjects } from './kube-objects.js';
import { mutated } from './mutations.js';

type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

function requestKind(object: unknown): { group: string; version: string; kind: string } {
  const { apiVersion, kind } = (object ?? {}) as Partial<KubeObject>;
  const version = typeof apiVersion === 'string' ? apiVersion : 'v1';
  return { group: groupOf(version), version: versionOf(version), kind: typeof kind === 'string' ? kind : '' };
}

function metadataOf(object: unknown): Record<string, unknown> {
  const metadata = (object as Partial<KubeObject> | null)?.metadata;
  return typeof metadata === 'object' && metadata !== null ? metadata : {};
}

const objects = fc.oneof({ arbitrary: knownObjects, weight: 5 }, { arbitrary: unknownObjects, weight: 1 });

/** The stored object of an UPDATE: mostly the same object, else another kind, name or namespace. */
function oldObjects(object: KubeObject): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: mutated(fc.constant(object)), weight: 6 },
    { arbitrary: objects, weight: 1 },
    { arbitrary: names.map((name) => ({ ...object, metadata: { ...object.metadata, name } })), weight: 1 },
    {
      arbitrary: namespaces.map((namespace) => ({ ...object, metadata: { ...object.metadata, namespace } })),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(null, undefined, 'x', []), weight: 1 },
  );
}

/** A spec (or data) nested far deeper than any real object. */
function deeplyNested(object: KubeObject): fc.Arbitrary<KubeObject> {
  return fc
    .tuple(deepMarkers, fc.constantFrom('spec', 'data', 'status'))
    .map(([marker, field]) => ({ ...object, [field]: { nested: marker } }));
}

/** The `request` of an AdmissionReview as the API server writes it, around an object of any shape. */
const requests = fc
  .tuple(objects, fc.constantFrom<Operation>('CREATE', 'UPDATE', 'UPDATE', 'DELETE', 'CONNECT'))
  .chain(([original, operation]) =>
    fc.record({
      object: fc.oneof(
        { arbitrary: mutated(fc.constant(original)), weight: 6 },
        { arbitrary: deeplyNested(original), weight: 1 },
      ),
      oldObject: operation === 'CREATE' ? fc.constant(undefined) : oldObjects(original),
      operation: fc.constant(operation),
      uid: fc.oneof({ arbitrary: fc.uuid(), weight: 19 }, { arbitrary: fc.constantFrom('', 'x'), weight: 1 }),
      dryRun: fc.boolean(),
    }),
  )
  .map(({ object, oldObject, operation, uid, dryRun }) => {
    const reviewed = operation === 'DELETE' ? oldObject : object;
    const metadata = metadataOf(reviewed);
    return {
      uid,
      kind: requestKind(reviewed),
      resource: { group: requestKind(reviewed).group, version: requestKind(reviewed).version, resource: 'x' },
      operation,
      namespace: metadata.namespace,
      name: metadata.name,
      object: operation === 'DELETE' ? null : object,
      oldObject,
      dryRun,
      userInfo: { username: 'system:admin', groups: ['system:masters'] },
    };
  });

/** AdmissionReviews: a valid envelope mostly, its members mutated sometimes. */
export const admissionReviews: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: requests.map((request) => ({
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      request,
    })),
    weight: 8,
  },
  {
    arbitrary: mutated(
      requests.map((request) => ({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request })),
    ),
    weight: 2,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);

/** Requests to the webhook server: reviews on /validate and /mutate, and a few of anything else. */
export const webhookRequests: fc.Arbitrary<HttpCase> = fc.oneof(
  {
    arbitrary: fc.tuple(admissionReviews, fc.constantFrom('/validate', '/mutate')).chain(([review, url]) => {
      const text = jsonText(review);
      return fc
        .tuple(contentTypes('application/json'), spoiledBody(text))
        .map(([type, body]) => httpCase('POST', url, type, body));
    }),
    weight: 30,
  },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom<HttpCase['method']>('GET', 'PUT', 'DELETE', 'POST'),
        fc.constantFrom(
          '/',
          '/validate?x=1',
          '/validate/',
          '/mutate/..',
          '/metrics',
          '/readyz',
          '/%00',
          '/x'.repeat(300),
        ),
      )
      .map(([method, url]) => httpCase(method, url, 'application/json', method === 'GET' ? '' : '{}')),
    weight: 1,
  },
);
