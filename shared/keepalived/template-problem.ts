import { formatPath } from '../kube/schema-issues.js';

/** A path into template.yaml, e.g. `['instances', 0, 'vip', 'peer']`. */
export type TemplatePath = readonly (string | number)[];

/**
 * What can be wrong with a keepalived template. Each code is also the reason the admission rule's
 * finding carries (and so a key of the reason catalogue).
 */
export const KEEPALIVED_PROBLEM_CODES = [
  'InvalidKeepalivedTemplate',
  'InvalidIP',
  'DuplicateVip',
  'VipConflict',
  'InvalidVrid',
  'DuplicateVrid',
  'InvalidInstanceName',
  'DuplicateInstanceName',
  'InterfaceRequired',
  'TooFewPeers',
  'FamilyMismatch',
  'InvalidCheckTiming',
  'HealthCheckRequired',
  'InvalidHealthCheck',
  'InvalidVirtualServerConfig',
  'DuplicatePort',
  'ConflictingBackends',
  'NoBackends',
  'AlbNotFound',
] as const;
export type KeepalivedProblemCode = (typeof KEEPALIVED_PROBLEM_CODES)[number];

/** One problem of a template: an error makes it unusable, a warning is advice. */
export interface TemplateProblem {
  severity: 'error' | 'warning';
  code: KeepalivedProblemCode;
  path: TemplatePath;
  /** 1-based line in template.yaml, when known. */
  line?: number;
  message: string;
}

export function templateError(
  code: KeepalivedProblemCode,
  path: TemplatePath,
  message: string,
): TemplateProblem {
  return { severity: 'error', code, path, message };
}

export function templateWarning(
  code: KeepalivedProblemCode,
  path: TemplatePath,
  message: string,
): TemplateProblem {
  return { severity: 'warning', code, path, message };
}

/** `instances[0].vip.peer`; the template's root is `<root>`. */
export function formatTemplatePath(path: TemplatePath): string {
  return path.length === 0 ? '<root>' : formatPath(path);
}
