import { beforeAll, describe, expect, it } from '@jest/globals';
import { BINARY_NOT_SUPPORTED, TlsInputError } from '../../../shared/tls/pem.js';
import { parsePrivateKey } from '../../../shared/tls/private-key.js';
import {
  encryptedKeyPem,
  generateKey,
  issueCertificate,
  keyDer,
  keyPem,
  type TestCertificate,
  type TestKey,
} from '../../support/certs.js';

let ec: TestKey;
let rsa: TestKey;
let certificate: TestCertificate;

beforeAll(async () => {
  ec = await generateKey('ec');
  rsa = await generateKey('rsa');
  certificate = await issueCertificate({ key: ec, dns: ['a.example.com'] });
});

function failure(input: string | Uint8Array): TlsInputError {
  try {
    parsePrivateKey(input);
  } catch (error) {
    if (error instanceof TlsInputError) return error;
    throw error;
  }
  throw new Error('expected parsePrivateKey to fail');
}

describe('parsePrivateKey', () => {
  it.each([
    ['EC PKCS#8', () => keyPem(ec, 'pkcs8'), 'ec'],
    ['EC SEC1', () => keyPem(ec, 'sec1'), 'ec'],
    [
      'EC SEC1 after EC PARAMETERS',
      () =>
        `-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${keyPem(ec, 'sec1')}`,
      'ec',
    ],
    ['RSA PKCS#8', () => keyPem(rsa, 'pkcs8'), 'rsa'],
    ['RSA PKCS#1', () => keyPem(rsa, 'pkcs1'), 'rsa'],
  ])('parses %s', (_case, input, type) => {
    expect(parsePrivateKey(input()).asymmetricKeyType).toBe(type);
  });

  it.each([
    [
      'an encrypted PKCS#8 key',
      () => encryptedKeyPem(ec),
      /^PEM block 0 \(ENCRYPTED PRIVATE KEY\) is an encrypted private key, which is not supported/,
      0,
    ],
    [
      'a legacy encrypted PKCS#1 key',
      () =>
        rsa.privateKey.export({
          format: 'pem',
          type: 'pkcs1',
          cipher: 'aes-128-cbc',
          passphrase: 'x',
        }) as string,
      /^PEM block 0 \(RSA PRIVATE KEY\) is an encrypted private key/,
      0,
    ],
    [
      'a certificate instead of a key',
      () => certificate.certPem,
      'PEM block 0 (CERTIFICATE) is not a private key (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)',
      0,
    ],
    [
      'two keys',
      () => keyPem(ec) + keyPem(rsa),
      'PEM block 1 (PRIVATE KEY) is a second private key (the first is PEM block 0 (PRIVATE KEY))',
      1,
    ],
    [
      'an EC key labelled as RSA',
      () => keyPem(ec, 'sec1').replace(/EC PRIVATE KEY/g, 'RSA PRIVATE KEY'),
      /^PEM block 0 \(RSA PRIVATE KEY\) is not a valid private key: /,
      0,
    ],
    [
      'only EC PARAMETERS',
      () => '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n',
      'contains no private key',
      undefined,
    ],
    ['DER bytes', () => keyDer(ec), BINARY_NOT_SUPPORTED, undefined],
    ['empty input', () => '', 'is empty: expected PEM text', undefined],
  ])('refuses %s', (_case, input, message, blockIndex) => {
    const error = failure(input());
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    expect(error.blockIndex).toBe(blockIndex);
  });
});
