import { beforeAll, describe, expect, it } from '@jest/globals';
import { brokenChainLinks, parseCertificateChain } from '../../../shared/tls/certificate.js';
import { BINARY_NOT_SUPPORTED, TlsInputError } from '../../../shared/tls/pem.js';
import { chainPem, issueCertificate, keyPem, type TestCertificate } from '../../support/certs.js';

let root: TestCertificate;
let intermediate: TestCertificate;
let leaf: TestCertificate;

beforeAll(async () => {
  root = await issueCertificate({ commonName: 'Test Root', ca: true });
  intermediate = await issueCertificate({ commonName: 'Test Intermediate', ca: true, issuer: root });
  leaf = await issueCertificate({ dns: ['app.example.com'], issuer: intermediate });
});

function failure(input: string | Uint8Array): TlsInputError {
  try {
    parseCertificateChain(input);
  } catch (error) {
    if (error instanceof TlsInputError) return error;
    throw error;
  }
  throw new Error('expected parseCertificateChain to fail');
}

describe('parseCertificateChain', () => {
  it('parses a chain leaf first and finds it in issuing order', () => {
    const chain = parseCertificateChain(chainPem(leaf, intermediate, root));
    expect(chain.map((c) => c.subject)).toEqual([
      'CN=app.example.com',
      'CN=Test Intermediate',
      'CN=Test Root',
    ]);
    expect(brokenChainLinks(chain)).toEqual([]);
  });

  it('reports the links of a chain out of order', () => {
    const chain = parseCertificateChain(chainPem(leaf, root, intermediate));
    expect(brokenChainLinks(chain)).toEqual([0, 1]);
  });

  it.each([
    ['DER bytes', () => leaf.certDer, BINARY_NOT_SUPPORTED, undefined],
    [
      'a private key among the certificates',
      () => leaf.certPem + keyPem(leaf.key),
      'PEM block 1 (PRIVATE KEY) is not a certificate (expected CERTIFICATE)',
      1,
    ],
    [
      'a truncated certificate body',
      () => {
        const lines = intermediate.certPem.trim().split('\n');
        return leaf.certPem + [...lines.slice(0, 3), ...lines.slice(-1)].join('\n');
      },
      /^PEM block 1 \(CERTIFICATE\) is not a valid X\.509 certificate: /,
      1,
    ],
    ['garbage', () => 'garbage', 'contains no PEM block ("-----BEGIN ...-----")', undefined],
  ])('refuses %s, naming the block', (_case, input, message, blockIndex) => {
    const error = failure(input());
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    expect(error.blockIndex).toBe(blockIndex);
  });
});
