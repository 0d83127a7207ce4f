import type { Manifest } from '../shared/kube/manifests.js';
import type { MemoryStore } from '../shared/kube/memory-store.js';
import type { KubeObject } from '../shared/kube/object.js';
import { groupKindOf } from '../shared/kube/object.js';
import { kindModel } from '../shared/kube/registry.js';
import { type ReviewResult, reviewObject } from '../webhooks/review/engine.js';
import type { RuleIndex } from '../webhooks/review/rule-index.js';
import type { AdmissionSettings, Operation } from '../webhooks/rules/types.js';

export interface Admission {
  manifest: Manifest;
  /** The object as reviewed: the input with its namespace defaulted as kubectl would. */
  object: KubeObject;
  operation: Operation;
  result: ReviewResult;
}

/** kubectl puts a namespaced object without a namespace into `default`; the webhook sees that. */
export function withDefaultNamespace(obj: KubeObject): KubeObject {
  if (obj.metadata.namespace || !kindModel(groupKindOf(obj))?.namespaced) return obj;
  return { ...obj, metadata: { ...obj.metadata, namespace: 'default' } };
}

/**
 * Admits one manifest against `store`: an object whose identity the store already holds is an
 * UPDATE of it; an admitted object (as mutated) enters the store, a denied one does not.
 */
export async function admitOne(
  manifest: Manifest,
  store: MemoryStore,
  rules: RuleIndex,
  settings: AdmissionSettings,
): Promise<Admission> {
  const object = withDefaultNamespace(manifest.object);
  const existing = store.get(
    groupKindOf(object),
    object.metadata.namespace ?? '',
    object.metadata.name ?? '',
  );
  const operation: Operation = existing ? 'UPDATE' : 'CREATE';
  const result = await reviewObject(
    { operation, object, oldObject: existing, view: store, settings },
    { rules },
  );
  if (result.allowed && result.object) store.load([result.object]);
  return { manifest, object, operation, result };
}

/** Admits manifests in order against `store`, each as admitOne does. */
export async function admitInOrder(
  manifests: Iterable<Manifest>,
  store: MemoryStore,
  rules: RuleIndex,
  settings: AdmissionSettings,
): Promise<Admission[]> {
  const admissions: Admission[] = [];
  for (const manifest of manifests) admissions.push(await admitOne(manifest, store, rules, settings));
  return admissions;
}

function identityOf(object: KubeObject): KubeObject {
  const { name, namespace } = object.metadata;
  return { apiVersion: object.apiVersion, kind: object.kind, metadata: { name, namespace } };
}

/**
 * What a report reads of an admission: where the object came from, its identity, the verdict and
 * its findings. The object's body is left out (the store holds what was admitted), so that a
 * report of many objects does not keep each of them a second time.
 */
export function reportedAdmission({ manifest, object, operation, result }: Admission): Admission {
  const identity = identityOf(object);
  return {
    manifest: { ...manifest, object: identity },
    object: identity,
    operation,
    result: { ...result, object: undefined, patch: [] },
  };
}
