import { compareStrings } from '../../shared/kube/json-value.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { Ingress } from '../../shared/kube/schemas/ingress.js';
import { INGRESS } from '../../shared/kube/schemas/ingress.js';
import {
  DEFAULT_CLASS_KEY,
  INGRESSES_BY_CLASS,
  INGRESSES_BY_NAMESPACE,
  INGRESSES_BY_SERVICE,
  sourceKey,
} from './indexes.js';

/**
 * The Ingresses whose Rules read an object of another kind: re-planned on its events, so an Ingress
 * whose Service, namespace label or IngressClass comes later still gets its Rules. Each list is in
 * namespace/name order.
 */

/** Ingresses whose paths send to the Service (a named port is resolved through it). */
export function ingressesOfService(view: ModelView, namespace: string, name: string): readonly Ingress[] {
  return view.byIndex(INGRESS, INGRESSES_BY_SERVICE, sourceKey(namespace, name));
}

/** Ingresses of the namespace, whose project label decides which ALBs take them. */
export function ingressesOfNamespace(view: ModelView, name: string): readonly Ingress[] {
  return view.byIndex(INGRESS, INGRESSES_BY_NAMESPACE, name);
}

/**
 * Ingresses that name the class, and those that name none: which class is the default can change
 * with any IngressClass.
 */
export function ingressesOfClass(view: ModelView, name: string): Ingress[] {
  const named = name === DEFAULT_CLASS_KEY ? [] : view.byIndex(INGRESS, INGRESSES_BY_CLASS, name);
  const unnamed = view.byIndex(INGRESS, INGRESSES_BY_CLASS, DEFAULT_CLASS_KEY);
  return [...named, ...unnamed].sort(
    (a, b) =>
      compareStrings(a.metadata.namespace ?? '', b.metadata.namespace ?? '') ||
      compareStrings(a.metadata.name ?? '', b.metadata.name ?? ''),
  );
}
