import { createHash } from 'node:crypto';

function shortHash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/**
 * Rule name for path P of rule R of an Ingress on a frontend: `<frontend>-<hash>`, the hash taken over
 * namespace, name and index, so the same Ingress path always maps to the same Rule and two Ingresses
 * never share one.
 */
export function ruleName(
  frontend: string,
  namespace: string,
  ingress: string,
  rule: number,
  path: number,
): string {
  return `${frontend}-${shortHash(`${namespace}/${ingress}/${rule}-${path}`, 16)}`;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A name as a label value: itself when valid (≤63), else a prefix plus a hash of the whole. */
export function labelValue(name: string): string {
  if (name.length <= 63 && LABEL_VALUE.test(name)) return name;
  const prefix = name.slice(0, 46).replace(/[^A-Za-z0-9]+$/, '');
  return `${prefix}-${shortHash(name, 16)}`;
}
