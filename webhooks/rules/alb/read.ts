import type { KubeObject } from '../../../shared/kube/object.js';
import { formatPath } from '../../../shared/kube/schema-issues.js';
import type { ALB2 } from '../../../shared/kube/schemas/alb.js';
import { type PortProject, parsePortProjects } from './port-projects.js';

export function labelField(key: string): string {
  return formatPath(['metadata', 'labels', key]);
}

export function labelOf(obj: KubeObject, key: string): string | undefined {
  return obj.metadata.labels?.[key] || undefined;
}

/** The guide writes replicas, projects... at spec level in one example; the operator reads config. */
export function albSetting<K extends 'replicas' | 'projects'>(
  alb: ALB2,
  key: K,
): { value: ALB2['spec'][K]; field: string } | undefined {
  const fromConfig = alb.spec.config?.[key];
  if (fromConfig !== undefined) return { value: fromConfig as ALB2['spec'][K], field: `spec.config.${key}` };
  const fromSpec = alb.spec[key];
  return fromSpec !== undefined ? { value: fromSpec, field: `spec.${key}` } : undefined;
}

/** Port ranges of an ALB in port-project mode; undefined when the mode is off. Stored ALBs may be malformed. */
export function portProjectsOf(alb: ALB2): PortProject[] | undefined {
  const config = alb.spec?.config;
  if (config?.enablePortProject !== true || typeof config.portProjects !== 'string') return undefined;
  return parsePortProjects(config.portProjects).entries;
}
