import { beforeAll, describe, expect, it } from '@jest/globals';
import { certificateCoversHost, certificateNames, describeNames } from '../../../shared/tls/hostname.js';
import { issueCertificate, type TestCertificate } from '../../support/certs.js';

const certificates: Record<string, TestCertificate> = {};

beforeAll(async () => {
  certificates['exact'] = await issueCertificate({ dns: ['App.Example.com'] });
  certificates['wildcard'] = await issueCertificate({ dns: ['*.example.com'] });
  certificates['apex-and-wildcard'] = await issueCertificate({ dns: ['example.com', '*.example.com'] });
  certificates['ips'] = await issueCertificate({ dns: ['a.example.com'], ips: ['10.0.0.1', '2001:db8::1'] });
  certificates['cn-only'] = await issueCertificate({ commonName: 'legacy.example.com' });
  certificates['cn-and-san'] = await issueCertificate({
    commonName: 'cn.example.com',
    dns: ['san.example.com'],
  });
  certificates['odd-san'] = await issueCertificate({ dns: ['a,b.example.com', 'c.example.com'] });
});

describe('certificateCoversHost', () => {
  it.each([
    ['exact', 'app.example.com', true],
    ['exact', 'APP.EXAMPLE.COM', true],
    ['exact', 'app.example.com.', true],
    ['exact', 'other.example.com', false],
    ['exact', '*.example.com', false],
    ['wildcard', 'a.example.com', true],
    ['wildcard', 'A.Example.COM', true],
    ['wildcard', 'example.com', false],
    ['wildcard', 'a.b.example.com', false],
    ['wildcard', 'aexample.com', false],
    ['wildcard', '*.example.com', true],
    ['wildcard', '*.a.example.com', false],
    ['wildcard', '', false],
    ['apex-and-wildcard', 'example.com', true],
    ['apex-and-wildcard', 'www.example.com', true],
    ['ips', '10.0.0.1', true],
    ['ips', '10.0.0.2', false],
    ['ips', '2001:db8:0:0::1', true],
    ['ips', '[2001:db8::1]', true],
    ['ips', '::ffff:10.0.0.1', true],
    ['ips', 'a.example.com', true],
    ['exact', '10.0.0.1', false],
    ['cn-only', 'legacy.example.com', true],
    ['cn-only', 'other.example.com', false],
    ['cn-and-san', 'cn.example.com', false],
    ['cn-and-san', 'san.example.com', true],
    ['odd-san', 'c.example.com', true],
    ['odd-san', 'b.example.com', false],
  ])('certificate %s covers %j: %s', (certificate, host, expected) => {
    expect(certificateCoversHost(certificates[certificate]!.certificate, host)).toBe(expected);
  });
});

describe('certificateNames', () => {
  it('lists SAN names lowercased, canonical IPs, and the CN', () => {
    const names = certificateNames(certificates['ips']!.certificate);
    expect(names).toEqual({
      dns: ['a.example.com'],
      ips: ['10.0.0.1', '2001:db8:0:0:0:0:0:1'],
      hasSubjectAltNames: true,
      commonName: 'a.example.com',
    });
    expect(describeNames(names)).toBe('DNS:a.example.com, IP:10.0.0.1, IP:2001:db8:0:0:0:0:0:1');
  });

  it('decodes quoted SAN entries', () => {
    expect(certificateNames(certificates['odd-san']!.certificate).dns).toEqual([
      'a,b.example.com',
      'c.example.com',
    ]);
  });

  it('describes a CN-only certificate by its CN', () => {
    expect(describeNames(certificateNames(certificates['cn-only']!.certificate))).toBe(
      'CN:legacy.example.com',
    );
  });
});
