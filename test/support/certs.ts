/**
 * Certificates and keys made on the fly for tests: nothing here is committed key material.
 * Keys come from node:crypto (WebCrypto), certificates from @peculiar/x509.
 */
import 'reflect-metadata';
import { createPrivateKey, KeyObject, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { KubeObject } from '../../shared/kube/object.js';

type CryptoKeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(webcrypto as unknown as ReturnType<typeof x509.cryptoProvider.get>);

export type KeyAlgorithm = 'ec' | 'rsa';

export interface TestKey {
  algorithm: KeyAlgorithm;
  pair: CryptoKeyPair;
  privateKey: KeyObject;
}

export interface TestCertificate {
  certPem: string;
  certDer: Buffer;
  certificate: X509Certificate;
  key: TestKey;
}

export interface CertificateOptions {
  dns?: readonly string[];
  ips?: readonly string[];
  commonName?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Key of the new certificate; a fresh EC key by default. */
  key?: TestKey;
  /** Signs with this CA; self-signed when absent. */
  issuer?: TestCertificate;
  /** Marks the certificate as a CA (for roots and intermediates). */
  ca?: boolean;
}

const DAY_MS = 86_400_000;

const algorithms = {
  ec: { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' },
  rsa: {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
} as const;

export async function generateKey(algorithm: KeyAlgorithm = 'ec'): Promise<TestKey> {
  const pair = (await webcrypto.subtle.generateKey(algorithms[algorithm], true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  return { algorithm, pair, privateKey: KeyObject.from(pair.privateKey) };
}

/** Days relative to `base` (negative for the past). */
export function daysFrom(base: Date, days: number): Date {
  return new Date(base.getTime() + days * DAY_MS);
}

export async function issueCertificate(options: CertificateOptions = {}): Promise<TestCertificate> {
  const key = options.key ?? (await generateKey('ec'));
  const names = [
    ...(options.dns ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(options.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(options.ca ?? false, undefined, true),
  ];
  if (names.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(names));
  const serial = randomBytes(12);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const subject = `CN=${options.commonName ?? options.dns?.[0] ?? 'test'}`;
  const notBefore = options.notBefore ?? daysFrom(new Date(), -1);
  const notAfter = options.notAfter ?? daysFrom(notBefore, 365);
  const issuer = options.issuer;
  const generated = await x509.X509CertificateGenerator.create({
    serialNumber: serial.toString('hex'),
    subject,
    // The issuer's name as encoded in its certificate: verifiers such as Go's match it byte for byte.
    issuer: issuer ? new x509.X509Certificate(issuer.certDer).subjectName : subject,
    notBefore,
    notAfter,
    publicKey: key.pair.publicKey,
    signingKey: (issuer?.key ?? key).pair.privateKey,
    signingAlgorithm: algorithms[(issuer?.key ?? key).algorithm],
    extensions,
  });
  const certDer = Buffer.from(generated.rawData);
  return {
    certPem: `${generated.toString('pem')}\n`,
    certDer,
    certificate: new X509Certificate(certDer),
    key,
  };
}

export type KeyFormat = 'pkcs8' | 'pkcs1' | 'sec1';

/** The private key as PEM; PKCS#1 is RSA only and SEC1 EC only. */
export function keyPem(key: TestKey, format: KeyFormat = 'pkcs8'): string {
  return key.privateKey.export({ format: 'pem', type: format }) as string;
}

export function encryptedKeyPem(key: TestKey): string {
  return key.privateKey.export({
    format: 'pem',
    type: 'pkcs8',
    cipher: 'aes-256-cbc',
    passphrase: 'test-only',
  }) as string;
}

export function keyDer(key: TestKey): Buffer {
  return key.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer;
}

/** Concatenated PEM of the given certificates in the order given. */
export function chainPem(...certificates: readonly TestCertificate[]): string {
  return certificates.map((c) => c.certPem).join('');
}

export interface TlsSecretOptions {
  namespace?: string;
  name?: string;
  /** tls.crt content (PEM text or raw bytes); omitted when undefined. */
  crt?: string | Uint8Array;
  key?: string | Uint8Array;
  type?: string;
}

const base64 = (value: string | Uint8Array): string => Buffer.from(value).toString('base64');

/** A Secret as the API server hands it to a webhook: data values base64-encoded. */
export function tlsSecret(options: TlsSecretOptions): KubeObject {
  const data: Record<string, string> = {};
  if (options.crt !== undefined) data['tls.crt'] = base64(options.crt);
  if (options.key !== undefined) data['tls.key'] = base64(options.key);
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { namespace: options.namespace ?? 'default', name: options.name ?? 'tls' },
    type: options.type ?? 'kubernetes.io/tls',
    data,
  };
}

/** A valid TLS Secret for `certificate` with its own key. */
export function secretFor(certificate: TestCertificate, namespace: string, name: string): KubeObject {
  return tlsSecret({ namespace, name, crt: certificate.certPem, key: keyPem(certificate.key) });
}

/**
 * An issuer from PEM files made elsewhere (the test API server's CA, whose client certificates it
 * trusts): RSA or EC keys in PKCS#8 or their traditional forms.
 */
export async function issuerFromPem(certPem: string, privateKeyPem: string): Promise<TestCertificate> {
  const certificate = new X509Certificate(certPem);
  const privateKey = createPrivateKey(privateKeyPem);
  const algorithm: KeyAlgorithm = privateKey.asymmetricKeyType === 'rsa' ? 'rsa' : 'ec';
  const usage = algorithms[algorithm];
  const pair = {
    privateKey: await webcrypto.subtle.importKey(
      'pkcs8',
      privateKey.export({ format: 'der', type: 'pkcs8' }),
      usage,
      true,
      ['sign'],
    ),
    publicKey: await webcrypto.subtle.importKey(
      'spki',
      certificate.publicKey.export({ format: 'der', type: 'spki' }),
      usage,
      true,
      ['verify'],
    ),
  } as CryptoKeyPair;
  return {
    certPem,
    certDer: Buffer.from(certificate.raw),
    certificate,
    key: { algorithm, pair, privateKey },
  };
}
