import { beforeAll, describe, expect, it } from '@jest/globals';
import { certificateValidity } from '../../../shared/tls/validity.js';
import { daysFrom, issueCertificate, type TestCertificate } from '../../support/certs.js';

const now = new Date('2026-06-01T12:00:00Z');
let certificate: TestCertificate;

beforeAll(async () => {
  certificate = await issueCertificate({
    dns: ['a.example.com'],
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2026-07-01T00:00:00Z'),
  });
});

describe('certificateValidity', () => {
  it.each([
    ['before notBefore', new Date('2025-12-31T23:59:59Z'), 'not-yet-valid', 181],
    ['inside the window', now, 'valid', 29],
    ['on the last day', daysFrom(new Date('2026-07-01T00:00:00Z'), -0.5), 'valid', 0],
    ['after notAfter', new Date('2026-07-03T00:00:00Z'), 'expired', -2],
  ])('%s', (_case, at, state, days) => {
    const validity = certificateValidity(certificate.certificate, at);
    expect(validity.state).toBe(state);
    expect(validity.daysUntilExpiry).toBe(days);
    expect(validity.notBefore.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(validity.notAfter.toISOString()).toBe('2026-07-01T00:00:00.000Z');
  });
});
