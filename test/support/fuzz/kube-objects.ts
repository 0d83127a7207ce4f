import fc from 'fast-check';
import type { KindModel } from '../../../shared/kube/model/kind-model.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { allKindModels } from '../../../shared/kube/registry.js';
import { jsonSchemaOf, valuesOf } from './schema-values.js';

/** One served version of a kind acpnet models. */
export interface KnownKind {
  model: KindModel;
  version: string;
  apiVersion: string;
}

export const knownKinds: readonly KnownKind[] = allKindModels().flatMap((model) =>
  Object.keys(model.versions).map((version) => ({
    model,
    version,
    apiVersion: model.group ? `${model.group}/${version}` : version,
  })),
);

/** Few names and namespaces, so that generated objects meet (duplicates, references, updates). */
export const names = fc.constantFrom('web', 'api', 'edge', 'default', 'a');
export const namespaces = fc.constantFrom('demo', 'default', 'kube-system', 'cpaas-system');

const byKind = new Map<KnownKind, fc.Arbitrary<KubeObject>>();

/** Objects of one kind built from its zod schema, with a plausible name (and namespace). */
export function objectsOf(kind: KnownKind): fc.Arbitrary<KubeObject> {
  let objects = byKind.get(kind);
  if (objects) return objects;
  const schema = kind.model.versions[kind.version];
  if (!schema) throw new Error(`${kind.model.groupKind} has no version ${kind.version}`);
  objects = fc.tuple(valuesOf(jsonSchemaOf(schema)), names, namespaces).map(([value, name, namespace]) => {
    const body = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const metadata: Record<string, unknown> = {
      ...(body.metadata as Record<string, unknown> | undefined),
      name,
    };
    if (kind.model.namespaced) metadata.namespace = namespace;
    else delete metadata.namespace;
    return { ...body, apiVersion: kind.apiVersion, kind: kind.model.kind, metadata } as KubeObject;
  });
  byKind.set(kind, objects);
  return objects;
}

/** An object of any kind acpnet models. */
export const knownObjects: fc.Arbitrary<KubeObject> = fc.constantFrom(...knownKinds).chain(objectsOf);

/** Objects of kinds acpnet does not model, or of a known group with a kind it does not have. */
export const unknownObjects: fc.Arbitrary<KubeObject> = fc
  .tuple(
    fc.constantFrom('example.com/v1', 'kubeovn.io/v1', 'gateway.networking.k8s.io/v1', 'v1', 'apps/v1'),
    fc.constantFrom('Widget', 'subnet', 'Gatewayy', 'Pod', 'Deployment'),
    names,
    namespaces,
    fc.jsonValue({ maxDepth: 3 }),
  )
  .map(([apiVersion, kind, name, namespace, spec]) => ({
    apiVersion,
    kind,
    metadata: { name, namespace },
    spec,
  }));
