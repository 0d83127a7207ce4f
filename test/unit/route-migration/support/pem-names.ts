import { keyPem } from '../../../support/certs.js';
import type { Catalog } from '../../rules/support/certificate-catalog.js';

/**
 * The reverse of the fixtures' `$pem:name` strings: output values holding certificates and keys of
 * the catalog (generated fresh each run) are written as the names they were made from, so expected
 * objects stay the same from run to run. PEM text becomes `$pem:app`, `$pem:shop+pem:intermediate`;
 * base64 of it `$base64:pem:app+key:app`.
 */
export class PemNames {
  private readonly byBlock = new Map<string, string>();

  constructor(catalog: Catalog) {
    for (const [name, certificate] of catalog) {
      this.byBlock.set(normalize(certificate.certPem), `pem:${name}`);
      this.byBlock.set(normalize(keyPem(certificate.key, 'pkcs8')), `key:${name}`);
    }
  }

  /** `pem:a+pem:b` when every PEM block of the text is one of the catalog's, else undefined. */
  private namesOf(text: string): string | undefined {
    const blocks = text.match(/-----BEGIN [^-]+-----[\s\S]*?-----END [^-]+-----/g);
    if (!blocks) return undefined;
    const names = blocks.map((block) => this.byBlock.get(normalize(block)));
    return names.every((n) => n !== undefined) ? names.join('+') : undefined;
  }

  name(value: unknown): unknown {
    if (typeof value === 'string') {
      const direct = this.namesOf(value);
      if (direct) return `$${direct}`;
      if (/^[A-Za-z0-9+/]+=*$/.test(value) && value.length >= 64) {
        const decoded = this.namesOf(Buffer.from(value, 'base64').toString('utf8'));
        if (decoded) return `$base64:${decoded}`;
      }
      return value;
    }
    if (Array.isArray(value)) return value.map((item) => this.name(item));
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.name(v)]));
    return value;
  }
}

function normalize(pem: string): string {
  return pem.replace(/\s+/g, '');
}
