import 'reflect-metadata';
import { randomBytes, webcrypto } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { parseCertificateChain } from './certificate.js';
import { certificateCoversHost } from './hostname.js';
import { keyMatchesCertificate } from './key-match.js';
import { parsePrivateKey } from './private-key.js';
import { EXPIRY_WARNING_DAYS } from './secret.js';
import { certificateValidity } from './validity.js';

x509.cryptoProvider.set(globalThis.crypto);

export interface SelfSignedOptions {
  dnsNames: readonly string[];
  ipAddresses?: readonly string[];
  /** Start of validity; defaults to the current time. */
  now?: Date;
  validityDays?: number;
}

export interface PemPair {
  certPem: string;
  keyPem: string;
}

const DAY_MS = 86_400_000;
const signing = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** A self-signed ECDSA P-256 serving certificate for the given names, with its PKCS#8 key. */
export async function createSelfSignedCertificate(options: SelfSignedOptions): Promise<PemPair> {
  const names = [
    ...options.dnsNames.map((value) => ({ type: 'dns' as const, value })),
    ...(options.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  if (names.length === 0)
    throw new Error('a self-signed certificate needs at least one DNS name or IP address');
  const now = options.now ?? new Date();
  const keys = await webcrypto.subtle.generateKey(signing, true, ['sign', 'verify']);
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f; // positive INTEGER
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString('hex'),
    name: [{ CN: [options.dnsNames[0] ?? options.ipAddresses?.[0] ?? 'acpnet'] }, { O: ['acpnet'] }],
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + (options.validityDays ?? 365) * DAY_MS),
    keys,
    signingAlgorithm: signing,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { certPem: `${certificate.toString('pem')}\n`, keyPem: toPem('PRIVATE KEY', pkcs8) };
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export interface ServingFiles {
  certFile: string;
  keyFile: string;
  /** False when a usable pair was already there and kept. */
  created: boolean;
}

async function reusable(certFile: string, keyFile: string, options: SelfSignedOptions): Promise<boolean> {
  try {
    const [leaf] = parseCertificateChain(await readFile(certFile));
    const key = parsePrivateKey(await readFile(keyFile));
    if (!leaf || !keyMatchesCertificate(key, leaf)) return false;
    const validity = certificateValidity(leaf, options.now ?? new Date());
    if (validity.state !== 'valid' || validity.daysUntilExpiry < EXPIRY_WARNING_DAYS) return false;
    const hosts = [...options.dnsNames, ...(options.ipAddresses ?? [])];
    return hosts.every((host) => certificateCoversHost(leaf, host));
  } catch {
    return false;
  }
}

/**
 * Makes sure `dir` holds `tls.crt`/`tls.key` serving the given names: keeps a pair that is still good
 * for at least 30 days and covers every name, else writes a new self-signed pair (key mode 0600).
 */
export async function ensureSelfSignedFiles(dir: string, options: SelfSignedOptions): Promise<ServingFiles> {
  const certFile = path.join(dir, 'tls.crt');
  const keyFile = path.join(dir, 'tls.key');
  if (await reusable(certFile, keyFile, options)) return { certFile, keyFile, created: false };
  const pair = await createSelfSignedCertificate(options);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(keyFile, pair.keyPem, { mode: 0o600 });
  await writeFile(certFile, pair.certPem, { mode: 0o644 });
  return { certFile, keyFile, created: true };
}
