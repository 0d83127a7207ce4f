import { beforeAll, describe, expect, it } from '@jest/globals';
import { keyMatchesCertificate } from '../../../shared/tls/key-match.js';
import { parsePrivateKey } from '../../../shared/tls/private-key.js';
import {
  generateKey,
  issueCertificate,
  keyPem,
  type TestCertificate,
  type TestKey,
} from '../../support/certs.js';

let ecCertificate: TestCertificate;
let rsaCertificate: TestCertificate;
let otherEc: TestKey;

beforeAll(async () => {
  ecCertificate = await issueCertificate({ dns: ['a.example.com'] });
  rsaCertificate = await issueCertificate({ dns: ['a.example.com'], key: await generateKey('rsa') });
  otherEc = await generateKey('ec');
});

describe('keyMatchesCertificate', () => {
  it.each([
    ['the EC key of an EC certificate', () => ecCertificate, () => ecCertificate.key, true],
    ['the RSA key of an RSA certificate (PKCS#1)', () => rsaCertificate, () => rsaCertificate.key, true],
    ['another EC key', () => ecCertificate, () => otherEc, false],
    ['an RSA key for an EC certificate', () => ecCertificate, () => rsaCertificate.key, false],
  ])('%s -> %s', (_case, certificate, key, expected) => {
    const format = key().algorithm === 'rsa' ? 'pkcs1' : 'sec1';
    const parsed = parsePrivateKey(keyPem(key(), format));
    expect(keyMatchesCertificate(parsed, certificate().certificate)).toBe(expected);
  });
});
