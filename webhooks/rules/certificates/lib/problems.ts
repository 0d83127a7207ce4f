import type { TlsProblem, TlsProblemCode } from '../../../../shared/tls/secret.js';

/** A Secret's problem as told from another object: `data["tls.crt"]: binary files are not supported`. */
export function describeProblem(problem: TlsProblem): string {
  return `${problem.field}: ${problem.message}`;
}

export function secretName(namespace: string, name: string): string {
  return `Secret ${namespace}/${name}`;
}

/** Every problem code of a TLS Secret check (the record makes the compiler keep the list complete). */
const TLS_PROBLEMS: Readonly<Record<TlsProblemCode, true>> = {
  WrongType: true,
  MissingKey: true,
  InvalidBase64: true,
  Binary: true,
  InvalidPem: true,
  EncryptedKey: true,
  KeyMismatch: true,
  ChainOrder: true,
  Expired: true,
  NotYetValid: true,
  ExpiringSoon: true,
};

/** The reasons of findings that carry a TLS Secret check's problem code. */
export const TLS_PROBLEM_CODES: readonly TlsProblemCode[] =
  Object.keys(TLS_PROBLEMS).filter(isTlsProblemCode);

function isTlsProblemCode(key: string): key is TlsProblemCode {
  return Object.hasOwn(TLS_PROBLEMS, key);
}
