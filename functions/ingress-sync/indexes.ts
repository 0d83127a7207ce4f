import { equalityIndex } from '../../shared/kube/model/indexes.js';
import { ALB_RULE } from '../../shared/kube/schemas/alb.js';
import { INGRESS } from '../../shared/kube/schemas/ingress.js';
import { namedClassOf } from './selection.js';

export const RULES_BY_SOURCE = 'ingress-sync/rules-by-source';
export const INGRESSES_BY_SERVICE = 'ingress-sync/ingresses-by-service';
export const INGRESSES_BY_NAMESPACE = 'ingress-sync/ingresses-by-namespace';
export const INGRESSES_BY_CLASS = 'ingress-sync/ingresses-by-class';

/** The key of an Ingress in the index: `<namespace>/<name>`. */
export function sourceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** The key, in INGRESSES_BY_CLASS, of the Ingresses that name no class and so take the default one. */
export const DEFAULT_CLASS_KEY = '';

/** Rules by the Ingress they were made from (`spec.source`). */
export const rulesBySource = equalityIndex(ALB_RULE, RULES_BY_SOURCE, (rule) => {
  const source = rule.spec.source;
  return source?.type === 'ingress' ? [sourceKey(source.namespace, source.name)] : [];
});

/** Ingresses by the Services their paths send to, as `<namespace>/<service>`. */
export const ingressesByService = equalityIndex(INGRESS, INGRESSES_BY_SERVICE, (ingress) => {
  const namespace = ingress.metadata.namespace ?? '';
  const services = new Set<string>();
  for (const rule of ingress.spec?.rules ?? []) {
    for (const path of rule.http?.paths ?? []) {
      const service = path.backend.service?.name;
      if (service) services.add(sourceKey(namespace, service));
    }
  }
  return [...services];
});

/** Ingresses by their namespace, whose project label decides which ALBs take them. */
export const ingressesByNamespace = equalityIndex(INGRESS, INGRESSES_BY_NAMESPACE, (ingress) => [
  ingress.metadata.namespace ?? '',
]);

/** Ingresses by the class they name; those naming none under DEFAULT_CLASS_KEY. */
export const ingressesByClass = equalityIndex(INGRESS, INGRESSES_BY_CLASS, (ingress) => [
  namedClassOf(ingress) ?? DEFAULT_CLASS_KEY,
]);
