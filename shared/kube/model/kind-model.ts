import { type ZodType, z } from 'zod';
import type { GroupKind, KubeObject } from '../object.js';
import { groupOf, versionOf } from '../object.js';
import { type Reading, tolerantRead } from './tolerant-read.js';

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
  /** The object as this kind's schema reads it, pruned of what does not conform. */
  read(object: KubeObject): Reading<T>;
}

export type ModelObject<M> = M extends KindModel<infer T> ? T : never;

interface KindSpec<V extends VersionSchemas> {
  group: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  versions: V;
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
  const groupKind: GroupKind = `${spec.group}/${spec.kind}`;

  function readOnce(object: KubeObject): Reading<T> {
    if (typeof object.apiVersion !== 'string' || groupOf(object.apiVersion) !== spec.group) {
      return { object: undefined, issues: [{ path: 'apiVersion', message: `not ${spec.group}` }] };
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
      };
    }
    return tolerantRead<T>(check.schema, check.conforms, object);
  }

  return {
    ...spec,
    groupKind,
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
