import type { KubeObject } from '../../../../shared/kube/object.js';
import {
  chainPem,
  daysFrom,
  encryptedKeyPem,
  generateKey,
  issueCertificate,
  keyDer,
  keyPem,
  type TestCertificate,
} from '../../../support/certs.js';

/** The clock every certificates case runs at. */
export const NOW = new Date('2026-06-01T00:00:00Z');

export type Catalog = ReadonlyMap<string, TestCertificate>;

/** Certificates the fixtures refer to by name, generated fresh for each run. */
export async function buildCatalog(): Promise<Catalog> {
  const valid = { notBefore: daysFrom(NOW, -10), notAfter: daysFrom(NOW, 200) };
  const root = await issueCertificate({ commonName: 'Test Root', ca: true, ...valid });
  const intermediate = await issueCertificate({
    commonName: 'Test Intermediate',
    ca: true,
    issuer: root,
    ...valid,
  });
  const entries: Array<[string, Promise<TestCertificate> | TestCertificate]> = [
    ['root', root],
    ['intermediate', intermediate],
    ['app', issueCertificate({ dns: ['app.example.com'], ...valid })],
    [
      'app-rsa',
      generateKey('rsa').then((key) => issueCertificate({ dns: ['app.example.com'], key, ...valid })),
    ],
    ['wild', issueCertificate({ dns: ['*.example.com'], ...valid })],
    ['wild-apex', issueCertificate({ dns: ['example.com', '*.example.com'], ...valid })],
    ['other', issueCertificate({ dns: ['other.test'], ...valid })],
    ['shop', issueCertificate({ dns: ['shop.example.com'], issuer: intermediate, ...valid })],
    [
      'expired',
      issueCertificate({
        dns: ['app.example.com'],
        notBefore: daysFrom(NOW, -100),
        notAfter: daysFrom(NOW, -1),
      }),
    ],
    [
      'future',
      issueCertificate({
        dns: ['app.example.com'],
        notBefore: daysFrom(NOW, 2),
        notAfter: daysFrom(NOW, 100),
      }),
    ],
    [
      'soon',
      issueCertificate({
        dns: ['app.example.com'],
        notBefore: daysFrom(NOW, -10),
        notAfter: daysFrom(NOW, 10),
      }),
    ],
  ];
  const catalog = new Map<string, TestCertificate>();
  for (const [name, certificate] of entries) catalog.set(name, await certificate);
  return catalog;
}

function lookup(catalog: Catalog, name: string): TestCertificate {
  const certificate = catalog.get(name);
  if (!certificate) throw new Error(`fixture names unknown certificate ${JSON.stringify(name)}`);
  return certificate;
}

/**
 * The value of a data key from its fixture spelling. tls.crt: `pem:app`, `der:app`,
 * `chain:shop,intermediate`; tls.key: `key:app` (PKCS#8), `pkcs1:app-rsa`, `sec1:app`, `key-der:app`,
 * `encrypted:app`; either: `text:...` literal text, `base64:...` a raw (possibly broken) value.
 */
function dataValue(catalog: Catalog, spec: string): string {
  const colon = spec.indexOf(':');
  const form = spec.slice(0, colon);
  const arg = spec.slice(colon + 1);
  const b64 = (value: string | Uint8Array) => Buffer.from(value).toString('base64');
  switch (form) {
    case 'base64':
      return arg;
    case 'text':
      return b64(arg);
    case 'chain':
      return b64(chainPem(...arg.split(',').map((name) => lookup(catalog, name))));
    case 'pem':
      return b64(lookup(catalog, arg).certPem);
    case 'der':
      return b64(lookup(catalog, arg).certDer);
    case 'key':
      return b64(keyPem(lookup(catalog, arg).key, 'pkcs8'));
    case 'pkcs1':
      return b64(keyPem(lookup(catalog, arg).key, 'pkcs1'));
    case 'sec1':
      return b64(keyPem(lookup(catalog, arg).key, 'sec1'));
    case 'key-der':
      return b64(keyDer(lookup(catalog, arg).key));
    case 'encrypted':
      return b64(encryptedKeyPem(lookup(catalog, arg).key));
    default:
      throw new Error(`fixture data spec ${JSON.stringify(spec)} has an unknown form`);
  }
}

interface TlsSecretSpec {
  namespace: string;
  name: string;
  type?: string;
  crt?: string;
  key?: string;
}

/** A PEM text in place of a string: `$pem:app`, `$chain:shop,intermediate`, `$key:app`, `$pkcs1:app-rsa`, `$encrypted:app`. */
const PEM_TEXT = /^\$(pem|chain|key|pkcs1|sec1|encrypted):(.+)$/;

export function usesPemText(value: unknown): boolean {
  if (typeof value === 'string') return PEM_TEXT.test(value);
  if (Array.isArray(value)) return value.some(usesPemText);
  return typeof value === 'object' && value !== null && Object.values(value).some(usesPemText);
}

/** The value with every `$form:name` string replaced by that PEM text (the decoded data value of the same spelling). */
export function expandPemText(catalog: Catalog, value: unknown): unknown {
  if (typeof value === 'string') {
    const match = PEM_TEXT.exec(value);
    return match
      ? Buffer.from(dataValue(catalog, `${match[1]}:${match[2]}`), 'base64').toString('utf8')
      : value;
  }
  if (Array.isArray(value)) return value.map((item) => expandPemText(catalog, item));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandPemText(catalog, v)]));
  return value;
}

/**
 * Turns a fixture object into a KubeObject, expanding `tlsSecret:` shorthands into Secrets and
 * `$pem:`-style strings into PEM text.
 */
export function materialize(catalog: Catalog, value: unknown): KubeObject {
  const shorthand = (value as { tlsSecret?: TlsSecretSpec }).tlsSecret;
  if (!shorthand) return expandPemText(catalog, value) as KubeObject;
  const data: Record<string, string> = {};
  if (shorthand.crt !== undefined) data['tls.crt'] = dataValue(catalog, shorthand.crt);
  if (shorthand.key !== undefined) data['tls.key'] = dataValue(catalog, shorthand.key);
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { namespace: shorthand.namespace, name: shorthand.name },
    type: shorthand.type ?? 'kubernetes.io/tls',
    data,
  };
}
