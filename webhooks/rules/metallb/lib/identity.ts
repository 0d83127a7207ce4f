import type { KubeObject } from '../../../../shared/kube/object.js';

export function nameOf(object: KubeObject): string {
  return object.metadata.name ?? '';
}

export function sameObject(a: KubeObject, b: KubeObject): boolean {
  return nameOf(a) === nameOf(b) && (a.metadata.namespace ?? '') === (b.metadata.namespace ?? '');
}
