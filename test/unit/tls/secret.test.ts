import { beforeAll, describe, expect, it } from '@jest/globals';
import type { KubeObject } from '../../../shared/kube/object.js';
import { BINARY_NOT_SUPPORTED } from '../../../shared/tls/pem.js';
import { checkTlsSecret, isUsableTlsSecret, type TlsProblem } from '../../../shared/tls/secret.js';
import {
  chainPem,
  daysFrom,
  encryptedKeyPem,
  generateKey,
  issueCertificate,
  keyDer,
  keyPem,
  type TestCertificate,
  tlsSecret,
} from '../../support/certs.js';

const now = new Date('2026-06-01T00:00:00Z');
const certs: Record<string, TestCertificate> = {};

beforeAll(async () => {
  const root = await issueCertificate({
    commonName: 'Root',
    ca: true,
    notBefore: daysFrom(now, -400),
    notAfter: daysFrom(now, 4000),
  });
  const intermediate = await issueCertificate({
    commonName: 'Intermediate',
    ca: true,
    issuer: root,
    notBefore: daysFrom(now, -400),
    notAfter: daysFrom(now, 4000),
  });
  certs['root'] = root;
  certs['intermediate'] = intermediate;
  certs['valid'] = await issueCertificate({
    dns: ['a.example.com'],
    issuer: intermediate,
    notBefore: daysFrom(now, -10),
    notAfter: daysFrom(now, 90),
  });
  certs['rsa'] = await issueCertificate({
    dns: ['a.example.com'],
    key: await generateKey('rsa'),
    notBefore: daysFrom(now, -10),
    notAfter: daysFrom(now, 90),
  });
  certs['expired'] = await issueCertificate({
    dns: ['a.example.com'],
    notBefore: daysFrom(now, -100),
    notAfter: daysFrom(now, -1),
  });
  certs['future'] = await issueCertificate({
    dns: ['a.example.com'],
    notBefore: daysFrom(now, 2),
    notAfter: daysFrom(now, 100),
  });
  certs['soon'] = await issueCertificate({
    dns: ['a.example.com'],
    notBefore: daysFrom(now, -10),
    notAfter: daysFrom(now, 29.5),
  });
  certs['month'] = await issueCertificate({
    dns: ['a.example.com'],
    notBefore: daysFrom(now, -10),
    notAfter: daysFrom(now, 31),
  });
});

const summary = (problems: readonly TlsProblem[]) => problems.map((p) => [p.code, p.field, p.severity]);

interface Case {
  name: string;
  secret: () => KubeObject;
  problems: Array<[string, string, string]>;
  message?: string;
}

const cases: Case[] = [
  {
    name: 'a valid EC secret with its chain',
    secret: () =>
      tlsSecret({
        crt: chainPem(certs['valid']!, certs['intermediate']!),
        key: keyPem(certs['valid']!.key, 'sec1'),
      }),
    problems: [],
  },
  {
    name: 'a valid RSA secret with a PKCS#1 key',
    secret: () => tlsSecret({ crt: certs['rsa']!.certPem, key: keyPem(certs['rsa']!.key, 'pkcs1') }),
    problems: [],
  },
  {
    name: 'a secret with both keys missing',
    secret: () => tlsSecret({}),
    problems: [
      ['MissingKey', 'data["tls.crt"]', 'error'],
      ['MissingKey', 'data["tls.key"]', 'error'],
    ],
  },
  {
    name: 'a secret of another type',
    secret: () =>
      tlsSecret({ crt: certs['valid']!.certPem, key: keyPem(certs['valid']!.key), type: 'Opaque' }),
    problems: [['WrongType', 'type', 'error']],
    message: 'is "Opaque", expected "kubernetes.io/tls"',
  },
  {
    name: 'truncated base64',
    secret: () => {
      const secret = tlsSecret({ crt: certs['valid']!.certPem, key: keyPem(certs['valid']!.key) });
      const data = secret['data'] as Record<string, string>;
      data['tls.crt'] = data['tls.crt']!.slice(0, 101);
      return secret;
    },
    problems: [['InvalidBase64', 'data["tls.crt"]', 'error']],
    message: 'is not valid base64',
  },
  {
    name: 'a DER certificate',
    secret: () => tlsSecret({ crt: certs['valid']!.certDer, key: keyPem(certs['valid']!.key) }),
    problems: [['Binary', 'data["tls.crt"]', 'error']],
    message: BINARY_NOT_SUPPORTED,
  },
  {
    name: 'a DER key',
    secret: () => tlsSecret({ crt: certs['valid']!.certPem, key: keyDer(certs['valid']!.key) }),
    problems: [['Binary', 'data["tls.key"]', 'error']],
    message: BINARY_NOT_SUPPORTED,
  },
  {
    name: 'garbage PEM',
    secret: () => tlsSecret({ crt: 'garbage', key: keyPem(certs['valid']!.key) }),
    problems: [['InvalidPem', 'data["tls.crt"]', 'error']],
    message: 'contains no PEM block ("-----BEGIN ...-----")',
  },
  {
    name: 'an encrypted key',
    secret: () => tlsSecret({ crt: certs['valid']!.certPem, key: encryptedKeyPem(certs['valid']!.key) }),
    problems: [['EncryptedKey', 'data["tls.key"]', 'error']],
  },
  {
    name: 'a key that does not match',
    secret: () => tlsSecret({ crt: certs['valid']!.certPem, key: keyPem(certs['rsa']!.key) }),
    problems: [['KeyMismatch', 'data["tls.key"]', 'error']],
    message: 'does not match the public key of the first certificate in tls.crt',
  },
  {
    name: 'a chain out of order',
    secret: () =>
      tlsSecret({ crt: chainPem(certs['valid']!, certs['root']!), key: keyPem(certs['valid']!.key) }),
    problems: [['ChainOrder', 'data["tls.crt"]', 'warning']],
    message: 'certificate 0 was not issued by certificate 1: order the chain leaf first, then each issuer',
  },
  {
    name: 'an expired certificate',
    secret: () => tlsSecret({ crt: certs['expired']!.certPem, key: keyPem(certs['expired']!.key) }),
    problems: [['Expired', 'data["tls.crt"]', 'warning']],
  },
  {
    name: 'a certificate not valid yet',
    secret: () => tlsSecret({ crt: certs['future']!.certPem, key: keyPem(certs['future']!.key) }),
    problems: [['NotYetValid', 'data["tls.crt"]', 'warning']],
  },
  {
    name: 'a certificate expiring within 30 days',
    secret: () => tlsSecret({ crt: certs['soon']!.certPem, key: keyPem(certs['soon']!.key) }),
    problems: [['ExpiringSoon', 'data["tls.crt"]', 'warning']],
    message: 'certificate expires in 29 days (at 2026-06-30T12:00:00.000Z)',
  },
  {
    name: 'a certificate good for 31 more days',
    secret: () => tlsSecret({ crt: certs['month']!.certPem, key: keyPem(certs['month']!.key) }),
    problems: [],
  },
  {
    name: 'stringData instead of data',
    secret: () => ({
      ...tlsSecret({}),
      stringData: { 'tls.crt': certs['valid']!.certPem, 'tls.key': keyPem(certs['valid']!.key) },
    }),
    problems: [],
  },
  {
    name: 'empty values',
    secret: () => ({ ...tlsSecret({}), data: { 'tls.crt': '', 'tls.key': '' } }),
    problems: [
      ['MissingKey', 'data["tls.crt"]', 'error'],
      ['MissingKey', 'data["tls.key"]', 'error'],
    ],
    message: 'is empty; a kubernetes.io/tls Secret needs PEM text here',
  },
  {
    name: 'a non-string data value',
    secret: () => ({
      ...tlsSecret({ key: keyPem(certs['valid']!.key) }),
      data: { 'tls.crt': 42, 'tls.key': null },
    }),
    problems: [
      ['InvalidBase64', 'data["tls.crt"]', 'error'],
      ['MissingKey', 'data["tls.key"]', 'error'],
    ],
  },
];

describe('checkTlsSecret', () => {
  it.each(cases)('$name', ({ secret, problems, message }) => {
    const check = checkTlsSecret(secret(), now);
    expect(summary(check.problems)).toEqual(problems);
    if (message !== undefined) expect(check.problems[0]?.message).toBe(message);
    expect(isUsableTlsSecret(check)).toBe(problems.every(([, , severity]) => severity !== 'error'));
  });

  it('returns the parsed chain, key and validity for further checks', () => {
    const check = checkTlsSecret(
      tlsSecret({ crt: chainPem(certs['valid']!, certs['intermediate']!), key: keyPem(certs['valid']!.key) }),
      now,
    );
    expect(check.chain).toHaveLength(2);
    expect(check.key?.asymmetricKeyType).toBe('ec');
    expect(check.validity).toMatchObject({ state: 'valid', daysUntilExpiry: 90 });
  });

  it('takes a custom warning window', () => {
    const check = checkTlsSecret(
      tlsSecret({ crt: certs['month']!.certPem, key: keyPem(certs['month']!.key) }),
      now,
      {
        expiryWarningDays: 60,
      },
    );
    expect(summary(check.problems)).toEqual([['ExpiringSoon', 'data["tls.crt"]', 'warning']]);
  });
});
