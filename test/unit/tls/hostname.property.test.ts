import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type CertificateNames, namesCoverHost } from '../../../shared/tls/hostname.js';

// Labels start with a letter so that no generated name is an IP address.
const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,8}[a-z0-9])?$/);
const domain = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));

const sans = (...dns: string[]): CertificateNames => ({ dns, ips: [], hasSubjectAltNames: true });

describe('hostname coverage properties', () => {
  it('an exact SAN covers its host in any letter case, and nothing one label deeper', () => {
    fc.assert(
      fc.property(domain, label, (host, extra) => {
        const names = sans(host);
        expect(namesCoverHost(names, host)).toBe(true);
        expect(namesCoverHost(names, host.toUpperCase())).toBe(true);
        expect(namesCoverHost(names, `${extra}.${host}`)).toBe(false);
      }),
    );
  });

  it('a wildcard covers exactly one left-most label, never the bare domain or two labels', () => {
    fc.assert(
      fc.property(domain, label, label, (base, first, second) => {
        const names = sans(`*.${base}`);
        expect(namesCoverHost(names, `${first}.${base}`)).toBe(true);
        expect(namesCoverHost(names, base)).toBe(false);
        expect(namesCoverHost(names, `${first}.${second}.${base}`)).toBe(false);
      }),
    );
  });

  it('a wildcard host is covered by the identical wildcard SAN only', () => {
    fc.assert(
      fc.property(domain, label, (base, first) => {
        expect(namesCoverHost(sans(`*.${base}`), `*.${base}`)).toBe(true);
        expect(namesCoverHost(sans(`${first}.${base}`), `*.${base}`)).toBe(false);
        expect(namesCoverHost(sans(`*.${first}.${base}`), `*.${base}`)).toBe(false);
        expect(namesCoverHost(sans(`*.${base}`), `*.${first}.${base}`)).toBe(false);
      }),
    );
  });

  it('the CN counts only when the certificate has no subjectAltName', () => {
    fc.assert(
      fc.property(domain, (host) => {
        const cnOnly: CertificateNames = { dns: [], ips: [], hasSubjectAltNames: false, commonName: host };
        expect(namesCoverHost(cnOnly, host)).toBe(true);
        expect(namesCoverHost({ ...cnOnly, hasSubjectAltNames: true, ips: ['10.0.0.1'] }, host)).toBe(false);
      }),
    );
  });
});
