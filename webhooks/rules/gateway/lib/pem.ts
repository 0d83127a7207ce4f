import { X509Certificate } from 'node:crypto';
import { type ConfigMap, SECRET, type Secret } from '../../../../shared/kube/schemas/core.js';
import { isKind } from './kinds.js';

const BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** Whether `text` holds one or more PEM certificates and nothing else that looks like PEM. */
export function isPemCertificateBundle(text: string): boolean {
  const blocks = text.match(BLOCK) ?? [];
  if (blocks.length === 0) return false;
  const rest = text.replace(BLOCK, '').trim();
  if (rest.length > 0) return false;
  return blocks.every((block) => {
    try {
      new X509Certificate(block);
      return true;
    } catch {
      return false;
    }
  });
}

/** A key of a Secret (`data` base64, `stringData` plain) or of a ConfigMap (`data` plain). */
export function bundleValue(holder: Secret | ConfigMap, key: string): string | undefined {
  if (!isKind(SECRET, holder)) return holder.data?.[key];
  const plain = holder.stringData?.[key];
  if (plain !== undefined) return plain;
  const value = holder.data?.[key];
  return value === undefined ? undefined : Buffer.from(value, 'base64').toString('utf8');
}
