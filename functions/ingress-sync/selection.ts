import { albServesProject, namespaceProject } from '../../shared/alb/projects.js';
import { DEFAULT_CLASS_ANNOTATION, LEGACY_CLASS_ANNOTATION } from '../../shared/kube/keys/ingress.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { ALB2 as Alb } from '../../shared/kube/schemas/alb.js';
import { ALB2 } from '../../shared/kube/schemas/alb.js';
import type { Ingress } from '../../shared/kube/schemas/ingress.js';
import { INGRESS_CLASS } from '../../shared/kube/schemas/ingress.js';

/** The class the Ingress names: spec.ingressClassName, else the legacy annotation. */
export function namedClassOf(ingress: Ingress): string | undefined {
  const named = ingress.spec?.ingressClassName ?? ingress.metadata.annotations?.[LEGACY_CLASS_ANNOTATION];
  return named || undefined;
}

/** The Ingress's class: the one it names, else the only IngressClass marked as the default. */
export function ingressClassOf(ingress: Ingress, view: ModelView): string | undefined {
  const named = namedClassOf(ingress);
  if (named) return named;
  const defaults = view
    .list(INGRESS_CLASS)
    .filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')
    .map((c) => c.metadata.name ?? '')
    .sort();
  return defaults.length === 1 ? defaults[0] : undefined;
}

/** ALB2s that serve the Ingress: named as its class and covering its namespace's project; sorted. */
export function selectAlbs(ingress: Ingress, view: ModelView): Alb[] {
  const className = ingressClassOf(ingress, view);
  if (!className) return [];
  const project = namespaceProject(view, ingress.metadata.namespace ?? '');
  return view
    .list(ALB2)
    .filter((alb) => alb.metadata.name === className && albServesProject(alb, project))
    .sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? ''));
}
