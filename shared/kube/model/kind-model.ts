import { type ZodType, z } from 'zod';
import type { GroupKind, KubeObject } from '../object.js';
import { groupOf, versionOf } from '../object.js';
import { type KeepsUnknownFields, type Reading, tolerantRead } from './tolerant-read.js';

/** The object shape of every served version of a kind, as its schemas give it. */
export type VersionSchemas = Readonly<Record<string, ZodType<KubeObject>>>;

export type ObjectOf<V extends VersionSchemas> = z.output<V[keyof V]>;

/**
 * What acpnet knows of one kind: where it lives in the API, the schema of each served version, and
 * the one way to read an object of it. Readings are cached per object: a stored object is never
 * changed in place (a new version is a new object), so one reading serves every rule and planner.
 */
export interface KindModel<T extends KubeObject = KubeObject> {
  readonly group: string;
  readonly kind: string;
  readonly plural: string;
  readonly namespaced: boolean;
  readonly groupKind: GroupKind;
  /** version -> schema of the whole object (apiVersion, kind, metadata, spec, ...). */
  readonly versions: VersionSchemas;
  /** Objects whose unknown fields the kind's CRD keeps (see `KindSpec.preservesUnknownFields`). */
  readonly preservesUnknownFields: readonly string[];
  /**
   * The object as this kind's schema reads it, pruned of what does not conform; unknown fields the
   * CRD keeps are pruned too, but reported as `warnings`, not `issues`.
   */
  read(object: KubeObject): Reading<T>;
}

export type ModelObject<M> = M extends KindModel<infer T> ? T : never;

interface KindSpec<V extends VersionSchemas> {
  group: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  versions: V;
  /**
   * The objects, by field path, where the kind's CRD keeps unknown fields
   * (`x-kubernetes-preserve-unknown-fields`), so the API server stores them and neither it nor
   * kubectl's strict field validation refuses them: `spec`, `spec.serviceGroup`, `[*]` for any
   * list element, and a trailing `.**` for an object the CRD keeps whole (every object below it
   * too). An unknown field there is a warning, not a schema violation. Absent: every unknown field
   * is refused, as strict structural schemas do.
   */
  preservesUnknownFields?: readonly string[];
}

/** `spec.listeners[*].tls`: a field path with any list element as `[*]`. */
function fieldPattern(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? '[*]' : out ? `.${String(part)}` : String(part);
  return out;
}

function keepsUnknownFieldsAt(patterns: readonly string[]): KeepsUnknownFields {
  const exact = new Set(patterns.filter((p) => !p.endsWith('.**')));
  const whole = patterns.filter((p) => p.endsWith('.**')).map((p) => p.slice(0, -'.**'.length));
  return (path) => {
    const at = fieldPattern(path);
    return exact.has(at) || whole.some((w) => at === w || at.startsWith(`${w}.`) || at.startsWith(`${w}[`));
  };
}

/** The generated fast check, made on first use; it only answers valid input. */
function conformanceCheck<T>(schema: ZodType): (value: unknown) => value is T {
  let fast: ZodType | undefined;
  return (value: unknown): value is T => {
    fast ??= z.compile(schema);
    return fast.safeParse(value).success;
  };
}

export function defineKind<V extends VersionSchemas>(spec: KindSpec<V>): KindModel<ObjectOf<V>> {
  type T = ObjectOf<V>;
  const checks = new Map(
    Object.entries(spec.versions).map(([version, schema]) => [
      version,
      { schema, conforms: conformanceCheck<T>(schema) },
    ]),
  );
  const readings = new WeakMap<KubeObject, Reading<T>>();
  const preservesUnknownFields = spec.preservesUnknownFields ?? [];
  const keepsUnknownFields = keepsUnknownFieldsAt(preservesUnknownFields);
  const groupKind: GroupKind = `${spec.group}/${spec.kind}`;

  function readOnce(object: KubeObject): Reading<T> {
    if (typeof object.apiVersion !== 'string' || groupOf(object.apiVersion) !== spec.group) {
      return {
        object: undefined,
        issues: [
          {
            path: 'apiVersion',
            message: `must be of group ${spec.group || 'core (no group)'} (got ${JSON.stringify(object.apiVersion ?? null)})`,
          },
        ],
        warnings: [],
      };
    }
    const version = versionOf(object.apiVersion);
    const check = checks.get(version);
    if (!check) {
      const served = [...checks.keys()].join(', ');
      return {
        object: undefined,
        issues: [
          {
            path: 'apiVersion',
            message: `version ${version} of ${spec.kind} is not served (served: ${served})`,
          },
        ],
        warnings: [],
      };
    }
    return tolerantRead<T>(check.schema, check.conforms, object, keepsUnknownFields);
  }

  return {
    ...spec,
    groupKind,
    preservesUnknownFields,
    read(object: KubeObject): Reading<T> {
      let reading = readings.get(object);
      if (!reading) {
        reading = readOnce(object);
        readings.set(object, reading);
      }
      return reading;
    },
  };
}
