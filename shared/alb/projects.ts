import { ALL_PROJECTS, NAMESPACE_PROJECT_LABEL } from '../kube/keys/alb.js';
import type { ModelView } from '../kube/model/model-view.js';
import type { ALB2 } from '../kube/schemas/alb.js';
import { NAMESPACE } from '../kube/schemas/core.js';
import { albProjects } from './settings.js';

/** The project a namespace (and what lives in it) belongs to: its `cpaas.io/project` label. */
export function namespaceProject(view: ModelView, namespace: string): string | undefined {
  return view.get(NAMESPACE, '', namespace)?.metadata.labels?.[NAMESPACE_PROJECT_LABEL];
}

/** Whether the ALB takes Ingresses of the project: its projects hold it, or ALL_ALL. */
export function albServesProject(alb: ALB2, project: string | undefined): boolean {
  const projects = albProjects(alb)?.value ?? [];
  return projects.includes(ALL_PROJECTS) || (project !== undefined && projects.includes(project));
}
