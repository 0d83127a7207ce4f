/** The parts of a Kubernetes object every module may rely on; kind-specific fields live in schemas/. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string | null;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [extra: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** "gateway.networking.k8s.io/v1" -> "gateway.networking.k8s.io"; "v1" -> "" (core). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function versionOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
}

/**
 * A kind independent of its version: "gateway.networking.k8s.io/Gateway", "/Secret" for core.
 * Stores and rule registries key by this so v1 and v1beta1 objects of one kind meet.
 */
export type GroupKind = `${string}/${string}`;

export function groupKindOf(obj: Pick<KubeObject, 'apiVersion' | 'kind'>): GroupKind {
  return `${groupOf(obj.apiVersion)}/${obj.kind}`;
}

export function groupKind(group: string, kind: string): GroupKind {
  return `${group}/${kind}`;
}

/** Identity of an object: group, kind, namespace ('' when cluster-scoped), name. */
export interface ObjectKey {
  groupKind: GroupKind;
  namespace: string;
  name: string;
}

export function keyOf(obj: KubeObject): ObjectKey {
  return {
    groupKind: groupKindOf(obj),
    namespace: obj.metadata.namespace ?? '',
    name: obj.metadata.name ?? '',
  };
}

export function keyString(key: ObjectKey): string {
  return `${key.groupKind}|${key.namespace}|${key.name}`;
}

/** "Gateway default/eg" style reference used in messages. */
export function describeObject(obj: Pick<KubeObject, 'kind' | 'metadata'>): string {
  const ns = obj.metadata.namespace;
  return `${obj.kind} ${ns ? `${ns}/` : ''}${obj.metadata.name ?? '<unnamed>'}`;
}
