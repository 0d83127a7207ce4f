import { CloudEvent, type CloudEventV1 } from 'cloudevents';
import { NESTED_TOO_DEEPLY, tooDeeplyNestedAt } from '../kube/nesting.js';
import type { KubeObject } from '../kube/object.js';
import { groupKind, groupOf } from '../kube/object.js';
import { kindModel } from '../kube/registry.js';
import { EventFormatError } from './errors.js';

/** What happened to the object, as in ApiServerSource's `dev.knative.apiserver.<mode>.<change>`. */
export type ChangeType = 'add' | 'update' | 'delete';
/** Resource mode carries the object; Reference mode only names it. */
export type EventMode = 'resource' | 'ref';

export const APISERVER_TYPE_PREFIX = 'dev.knative.apiserver.';

export interface ResourceRef {
  apiVersion: string;
  kind: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  name: string;
}

/** A Kubernetes change event decoded from an ApiServerSource-shaped CloudEvent. */
export interface ChangeEvent {
  id: string;
  source: string;
  type: ChangeType;
  mode: EventMode;
  ref: ResourceRef;
  /** The object (Resource mode); absent in Reference mode until resolved by a read. */
  object?: KubeObject;
  /** The object's resourceVersion when known (from the object or the `resourceversion` extension). */
  resourceVersion?: string;
  uid?: string;
  time?: string;
}

export function eventTypeOf(mode: EventMode, change: ChangeType): string {
  return `${APISERVER_TYPE_PREFIX}${mode === 'resource' ? 'resource' : 'ref'}.${change}`;
}

export function parseEventType(type: string): { mode: EventMode; change: ChangeType } {
  const match = /^dev\.knative\.apiserver\.(resource|ref)\.(add|update|delete)$/.exec(type);
  if (!match) {
    throw new EventFormatError(
      `unsupported event type ${JSON.stringify(type)} (expected dev.knative.apiserver.resource|ref.add|update|delete)`,
      'type',
    );
  }
  return { mode: match[1] as EventMode, change: match[2] as ChangeType };
}

/** The plural of a kind: from the registry, else the API server's default lower-case pluralisation. */
export function pluralOf(apiVersion: string, kind: string): string {
  const def = kindModel(groupKind(groupOf(apiVersion), kind));
  if (def) return def.plural;
  const lower = kind.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** `/apis/<apiVersion>/namespaces/<ns>/<plural>/<name>` (`/api/v1/...` for the core group). */
export function subjectFor(ref: ResourceRef): string {
  const root = groupOf(ref.apiVersion) === '' ? `/api/${ref.apiVersion}` : `/apis/${ref.apiVersion}`;
  const scope = ref.namespace ? `/namespaces/${ref.namespace}` : '';
  return `${root}${scope}/${pluralOf(ref.apiVersion, ref.kind)}/${ref.name}`;
}

export interface ParsedSubject {
  apiVersion: string;
  namespace: string;
  plural: string;
  name: string;
}

export function parseSubject(subject: string): ParsedSubject {
  const parts = subject.split('/');
  // ['', 'api', 'v1', ...] or ['', 'apis', group, version, ...]
  let rest: string[];
  let apiVersion: string;
  if (parts[0] === '' && parts[1] === 'api' && parts[2]) {
    apiVersion = parts[2];
    rest = parts.slice(3);
  } else if (parts[0] === '' && parts[1] === 'apis' && parts[2] && parts[3]) {
    apiVersion = `${parts[2]}/${parts[3]}`;
    rest = parts.slice(4);
  } else {
    throw new EventFormatError(`not an API path: ${JSON.stringify(subject)}`, 'subject');
  }
  let namespace = '';
  if (rest[0] === 'namespaces' && rest.length === 4) {
    namespace = rest[1] ?? '';
    rest = rest.slice(2);
  }
  if (rest.length !== 2 || !rest[0] || !rest[1]) {
    throw new EventFormatError(`not an object path: ${JSON.stringify(subject)}`, 'subject');
  }
  return { apiVersion, namespace, plural: rest[0], name: rest[1] };
}

function stringExtension(event: CloudEventV1<unknown>, name: string): string | undefined {
  const value: unknown = Reflect.get(event, name);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The event's data as JSON, refused when nested deeper than any reader of it could go. */
function dataObject(event: CloudEventV1<unknown>): unknown {
  const data = parsedData(event);
  const deep = tooDeeplyNestedAt(data);
  if (deep) throw new EventFormatError(NESTED_TOO_DEEPLY, ['data', ...deep.slice(0, 1)].join('.'));
  return data;
}

function parsedData(event: CloudEventV1<unknown>): unknown {
  const data = event.data;
  if (typeof data === 'string') {
    try {
      return JSON.parse(data) as unknown;
    } catch {
      throw new EventFormatError('data is not JSON', 'data');
    }
  }
  if (data instanceof Uint8Array) {
    try {
      return JSON.parse(Buffer.from(data).toString('utf8')) as unknown;
    } catch {
      throw new EventFormatError('data is not JSON', 'data');
    }
  }
  return data;
}

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new EventFormatError('must be a non-empty string', field);
  return value;
}

function asKubeObject(value: unknown): KubeObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new EventFormatError('must be a Kubernetes object', 'data');
  }
  const obj = value as Record<string, unknown>;
  requireString(obj.apiVersion, 'data.apiVersion');
  requireString(obj.kind, 'data.kind');
  const metadata = obj.metadata;
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new EventFormatError('must be an object', 'data.metadata');
  }
  const meta = metadata as Record<string, unknown>;
  requireString(meta.name, 'data.metadata.name');
  // The event's identity (key, tombstone, staleness) is read from these: a delete, whose object
  // is not checked against its schema, must still carry them as strings.
  for (const field of ['namespace', 'uid', 'resourceVersion'] as const) {
    if (meta[field] !== undefined && typeof meta[field] !== 'string')
      throw new EventFormatError('must be a string', `data.metadata.${field}`);
  }
  return value as KubeObject;
}

/**
 * Decodes an ApiServerSource event. Resource mode: data is the object, and the `kind`, `name`,
 * `namespace` extensions (when present) must agree with it. Reference mode: data is
 * `{apiVersion, kind, namespace, name}`; the caller resolves the object by a read.
 */
export function decodeChangeEvent(event: CloudEventV1<unknown>): ChangeEvent {
  const { mode, change } = parseEventType(event.type);
  const base = { id: event.id, source: event.source, type: change, mode, time: event.time };
  if (mode === 'resource') {
    const object = asKubeObject(dataObject(event));
    const ref: ResourceRef = {
      apiVersion: object.apiVersion,
      kind: object.kind,
      namespace: object.metadata.namespace ?? '',
      name: object.metadata.name ?? '',
    };
    checkExtensionsAgree(event, ref);
    return {
      ...base,
      ref,
      object,
      resourceVersion: object.metadata.resourceVersion ?? stringExtension(event, 'resourceversion'),
      uid: object.metadata.uid,
    };
  }
  const data = dataObject(event);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new EventFormatError('must be an object reference {apiVersion, kind, namespace, name}', 'data');
  }
  const raw = data as Record<string, unknown>;
  const ref: ResourceRef = {
    apiVersion: requireString(raw.apiVersion, 'data.apiVersion'),
    kind: requireString(raw.kind, 'data.kind'),
    namespace: typeof raw.namespace === 'string' ? raw.namespace : '',
    name: requireString(raw.name, 'data.name'),
  };
  checkExtensionsAgree(event, ref);
  return {
    ...base,
    ref,
    resourceVersion: stringExtension(event, 'resourceversion'),
    uid: typeof raw.uid === 'string' ? raw.uid : undefined,
  };
}

function checkExtensionAgrees(event: CloudEventV1<unknown>, extension: string, value: string): void {
  const actual = stringExtension(event, extension);
  if (actual !== undefined && actual !== value) {
    throw new EventFormatError(
      `is ${JSON.stringify(actual)} but the object says ${JSON.stringify(value)}`,
      extension,
    );
  }
}

function checkExtensionsAgree(event: CloudEventV1<unknown>, ref: ResourceRef): void {
  checkExtensionAgrees(event, 'kind', ref.kind);
  checkExtensionAgrees(event, 'apiversion', ref.apiVersion);
  checkExtensionAgrees(event, 'name', ref.name);
  checkExtensionAgrees(event, 'namespace', ref.namespace);
  if (event.subject) {
    const subject = parseSubject(event.subject);
    if (
      subject.name !== ref.name ||
      subject.namespace !== ref.namespace ||
      subject.apiVersion !== ref.apiVersion
    ) {
      throw new EventFormatError(
        `${JSON.stringify(event.subject)} does not name the event's object`,
        'subject',
      );
    }
  }
}

export interface BuildOptions {
  source: string;
  /** Defaults to `<uid or ns/name>/<resourceVersion>/<change>`: stable, so a republished change dedups. */
  id?: string;
  time?: string;
  mode?: EventMode;
}

/** Partition key: `namespace/name` (just `name` for cluster-scoped objects). */
export function partitionKeyOf(ref: Pick<ResourceRef, 'namespace' | 'name'>): string {
  return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}

/** Builds an ApiServerSource-shaped event for a change of `object`. */
export function buildChangeEvent(
  change: ChangeType,
  object: KubeObject,
  options: BuildOptions,
): CloudEvent<unknown> {
  const mode = options.mode ?? 'resource';
  const ref: ResourceRef = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    namespace: object.metadata.namespace ?? '',
    name: object.metadata.name ?? '',
  };
  const identity = object.metadata.uid ?? partitionKeyOf(ref);
  const id = options.id ?? `${identity}/${object.metadata.resourceVersion ?? '0'}/${change}`;
  const data =
    mode === 'resource' ? object : { ...ref, ...(object.metadata.uid ? { uid: object.metadata.uid } : {}) };
  return new CloudEvent<unknown>({
    specversion: '1.0',
    id,
    source: options.source,
    type: eventTypeOf(mode, change),
    subject: subjectFor(ref),
    time: options.time ?? new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
    kind: ref.kind,
    apiversion: ref.apiVersion,
    name: ref.name,
    ...(ref.namespace ? { namespace: ref.namespace } : {}),
    partitionkey: partitionKeyOf(ref),
    ...(object.metadata.resourceVersion ? { resourceversion: object.metadata.resourceVersion } : {}),
  });
}
