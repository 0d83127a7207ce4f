import fc from 'fast-check';
import { allFunctions } from '../../../functions/registry.js';
import { subjectFor } from '../../../shared/events/apiserver.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { deepMarkers, hugeStrings } from './hostile-values.js';
import { contentTypes, type HttpCase, httpCase, jsonText, spoiledBody } from './http-requests.js';
import { knownKinds, knownObjects, objectsOf } from './kube-objects.js';
import { mutated } from './mutations.js';

const consumed = new Set(allFunctions.flatMap((fn) => fn.consumes.map((kind) => kind.groupKind)));

/** Objects of the kinds the functions consume, mostly, so that events reach their planners. */
const eventObjects = fc.oneof(
  {
    arbitrary: fc.constantFrom(...knownKinds.filter((k) => consumed.has(k.model.groupKind))).chain(objectsOf),
    weight: 5,
  },
  { arbitrary: knownObjects, weight: 1 },
);

function identity(object: unknown): {
  apiVersion?: unknown;
  kind?: unknown;
  namespace?: unknown;
  name?: unknown;
} {
  const o = (typeof object === 'object' && object !== null ? object : {}) as Partial<KubeObject>;
  const metadata = typeof o.metadata === 'object' && o.metadata !== null ? o.metadata : {};
  return { apiVersion: o.apiVersion, kind: o.kind, namespace: metadata.namespace, name: metadata.name };
}

/** Data of a shape no ApiServerSource sends: scalars, lists, nesting far too deep, megabytes. */
const wrongData = fc.oneof(
  fc.constantFrom<unknown>(null, 0, 'x', [], [{}], {}, { metadata: null }, { apiVersion: 1, kind: [] }),
  deepMarkers,
  deepMarkers.map((marker) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'x' },
    data: marker,
  })),
  hugeStrings.map((text) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'x' },
    data: { text },
  })),
);

/** Mostly `right`, sometimes one of `wrong`. */
function mostly<T>(right: fc.Arbitrary<T>, ...wrong: T[]): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: right, weight: 9 }, { arbitrary: fc.constantFrom(...wrong), weight: 1 });
}

/** Any generated value as text: `String` throws on an object without a prototype or toString. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

function subjectOf(ref: ReturnType<typeof identity>): string {
  const { apiVersion, kind, namespace, name } = ref;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof name !== 'string' || !name) {
    return `/apis/${textOf(apiVersion)}/x/${textOf(name)}`;
  }
  return subjectFor({ apiVersion, kind, name, namespace: typeof namespace === 'string' ? namespace : '' });
}

/** The attributes (data included) of an ApiServerSource-shaped event, in structured form. */
const changeEvents = fc
  .record({
    object: fc.oneof({ arbitrary: mutated(eventObjects), weight: 8 }, { arbitrary: wrongData, weight: 1 }),
    change: mostly(fc.constantFrom('add', 'update', 'delete'), 'ad', 'Add', ''),
    mode: fc.constantFrom('resource', 'resource', 'ref'),
    id: mostly(fc.uuid(), '', ' '),
    time: mostly(
      fc.constant('2026-01-01T00:00:00Z'),
      'yesterday',
      '2026-13-45T99:99:99Z',
      '1970-01-01T00:00:00+25:00',
      '',
    ),
    resourceVersion: mostly(fc.nat().map(String), '', 'abc', '-1', '9'.repeat(40)),
  })
  .map(({ object, change, mode, id, time, resourceVersion }) => {
    const ref = identity(object);
    return {
      specversion: '1.0',
      id,
      source: 'https://kubernetes.default.svc',
      type: `dev.knative.apiserver.${mode}.${change}`,
      subject: subjectOf(ref),
      time,
      datacontenttype: 'application/json',
      data: mode === 'ref' ? { ...ref, uid: 'u-1' } : object,
      kind: ref.kind,
      apiversion: ref.apiVersion,
      name: ref.name,
      namespace: ref.namespace,
      resourceversion: resourceVersion,
    } as Record<string, unknown>;
  });

/** Extension attributes the spec forbids or no sender should send. */
const badExtensions = fc.dictionary(
  fc.constantFrom('Kind', 'api-version', 'x'.repeat(300), 'data_base64', 'specversion', 'ümlaut', ''),
  fc.oneof(fc.string(), fc.integer(), fc.constantFrom<unknown>(null, true, {}, [])),
  { maxKeys: 2 },
);

/** Events: well-formed mostly; attributes mutated, extensions bad or data misshapen sometimes. */
export const cloudEvents: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { arbitrary: changeEvents, weight: 6 },
  { arbitrary: mutated(changeEvents), weight: 2 },
  {
    arbitrary: fc.tuple(changeEvents, badExtensions).map(([event, extra]) => ({ ...event, ...extra })),
    weight: 1,
  },
);

function headerValue(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** Binary mode: attributes as `ce-*` headers, data as the body. */
function binary(event: Record<string, unknown>): fc.Arbitrary<HttpCase> {
  const { data, datacontenttype, ...attributes } = event;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const header = `ce-${name}`.toLowerCase();
    // A header name must be a token: a name that is not one cannot be sent at all.
    if (value !== undefined && /^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(header)) {
      headers[header] = headerValue(value).replace(/[^\t\x20-\x7e]/g, '?');
    }
  }
  const text = jsonText(data);
  return fc
    .tuple(
      contentTypes(typeof datacontenttype === 'string' ? datacontenttype : 'application/json'),
      spoiledBody(text),
    )
    .map(([type, body]) => httpCase('POST', '/', type, body, headers));
}

/** Structured mode: the whole event as `application/cloudevents+json`. */
function structured(event: Record<string, unknown>): fc.Arbitrary<HttpCase> {
  return fc
    .tuple(
      contentTypes('application/cloudevents+json'),
      spoiledBody(jsonText(event)),
      fc.constantFrom(
        'application/cloudevents+json',
        'application/cloudevents-batch+json',
        'application/cloudevents+xml',
      ),
    )
    .map(([type, body, fallback]) => httpCase('POST', '/', type === undefined ? fallback : type, body));
}

/** Requests to the functions' HTTP runtime: events in either content mode, and a few stray ones. */
export const functionRequests: fc.Arbitrary<HttpCase> = fc.oneof(
  { arbitrary: cloudEvents.chain((event) => fc.oneof(binary(event), structured(event))), weight: 20 },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom<HttpCase['method']>('GET', 'PUT', 'POST'),
        fc.constantFrom('/', '/x', '/healthz', '/readyz'),
      )
      .map(([method, url]) => httpCase(method, url, 'application/json', method === 'GET' ? '' : '{}')),
    weight: 1,
  },
);

/** A replay log: JSONL of structured events, with blank, broken and foreign lines among them. */
export const replayLogs: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.array(
      fc.oneof(
        { arbitrary: cloudEvents.map(jsonText), weight: 8 },
        {
          arbitrary: fc.constantFrom('', '   ', '{', 'null', '[1]', '"x"', '{"specversion":"1.0"}'),
          weight: 1,
        },
        { arbitrary: cloudEvents.chain((event) => spoiledBody(jsonText(event))), weight: 1 },
      ),
      { minLength: 1, maxLength: 6 },
    ),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([lines, newline]) =>
    Buffer.concat(lines.flatMap((line, i) => [...(i > 0 ? [Buffer.from(newline)] : []), Buffer.from(line)])),
  );
