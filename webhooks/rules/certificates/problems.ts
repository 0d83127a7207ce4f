import type { TlsProblem } from '../../../shared/tls/secret.js';

/** A Secret's problem as told from another object: `data["tls.crt"]: binary files are not supported`. */
export function describeProblem(problem: TlsProblem): string {
  return `${problem.field}: ${problem.message}`;
}

export function secretName(namespace: string, name: string): string {
  return `Secret ${namespace}/${name}`;
}
