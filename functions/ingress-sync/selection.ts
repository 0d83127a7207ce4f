import { ALL_PROJECTS, NAMESPACE_PROJECT_LABEL } from '../../shared/kube/keys/alb.js';
import { DEFAULT_CLASS_ANNOTATION, LEGACY_CLASS_ANNOTATION } from '../../shared/kube/keys/ingress.js';
import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { ALB2 } from '../../shared/kube/schemas/alb.js';
import { ALB2 as ALB2_KIND } from '../../shared/kube/schemas/alb.js';
import { NAMESPACE } from '../../shared/kube/schemas/core.js';
import type { Ingress } from '../../shared/kube/schemas/ingress.js';
import { INGRESS_CLASS } from '../../shared/kube/schemas/ingress.js';

/** The Ingress's class: spec.ingressClassName, the legacy annotation, else the default IngressClass. */
export function ingressClassOf(ingress: Ingress, view: ModelView): string | undefined {
  const named = ingress.spec?.ingressClassName ?? ingress.metadata.annotations?.[LEGACY_CLASS_ANNOTATION];
  if (named) return named;
  const defaults = view
    .list(INGRESS_CLASS)
    .filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')
    .map((c) => c.metadata.name ?? '')
    .sort();
  return defaults.length === 1 ? defaults[0] : undefined;
}

/** The project an Ingress belongs to: its namespace's `cpaas.io/project` label. */
export function projectOf(namespace: string, view: ModelView): string | undefined {
  return view.get(NAMESPACE, '', namespace)?.metadata.labels?.[NAMESPACE_PROJECT_LABEL];
}

export function projectsOf(alb: ALB2): readonly string[] {
  return alb.spec.config?.projects ?? alb.spec.projects ?? [];
}

/** Whether the ALB takes Ingresses of the project (its projects hold it, or ALL_ALL). */
export function servesProject(alb: ALB2, project: string | undefined): boolean {
  const projects = projectsOf(alb);
  return projects.includes(ALL_PROJECTS) || (project !== undefined && projects.includes(project));
}

/** ALB2s that serve the Ingress: named as its class and covering its namespace's project; sorted. */
export function selectAlbs(ingress: Ingress, view: ModelView): ALB2[] {
  const className = ingressClassOf(ingress, view);
  if (!className) return [];
  const project = projectOf(ingress.metadata.namespace ?? '', view);
  return view
    .list<ALB2>(ALB2_KIND)
    .filter((alb) => alb.metadata.name === className && servesProject(alb, project))
    .sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? ''));
}
