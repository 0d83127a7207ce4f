import { X509Certificate } from 'node:crypto';

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
export function bundleValue(
  holder: { kind: string; data?: unknown; stringData?: unknown },
  key: string,
): string | undefined {
  const plain = (holder.stringData as Record<string, unknown> | undefined)?.[key];
  if (typeof plain === 'string') return plain;
  const value = (holder.data as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'string') return undefined;
  return holder.kind === 'Secret' ? Buffer.from(value, 'base64').toString('utf8') : value;
}
