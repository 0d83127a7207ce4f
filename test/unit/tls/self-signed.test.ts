import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { type AddressInfo, isIP } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkServerIdentity as checkIdentity, connect, createServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseCertificateChain } from '../../../shared/tls/certificate.js';
import { certificateCoversHost } from '../../../shared/tls/hostname.js';
import { keyMatchesCertificate } from '../../../shared/tls/key-match.js';
import { parsePrivateKey } from '../../../shared/tls/private-key.js';
import { createSelfSignedCertificate, ensureSelfSignedFiles } from '../../../shared/tls/self-signed.js';
import { certificateValidity } from '../../../shared/tls/validity.js';

const now = new Date('2026-06-01T00:00:00Z');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'acpnet-tls-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createSelfSignedCertificate', () => {
  it('serves the given names with a matching key for a year', async () => {
    const pair = await createSelfSignedCertificate({
      dnsNames: ['localhost', 'acpnet.svc'],
      ipAddresses: ['127.0.0.1', '::1'],
      now,
    });
    const [leaf] = parseCertificateChain(pair.certPem);
    const key = parsePrivateKey(pair.keyPem);
    expect(keyMatchesCertificate(key, leaf!)).toBe(true);
    for (const host of ['localhost', 'acpnet.svc', '127.0.0.1', '::1'])
      expect(certificateCoversHost(leaf!, host)).toBe(true);
    expect(certificateCoversHost(leaf!, 'other.svc')).toBe(false);
    expect(certificateValidity(leaf!, now)).toMatchObject({ state: 'valid', daysUntilExpiry: 365 });
    expect(leaf!.ca).toBe(false);
  });

  it('refuses to make a certificate without names', async () => {
    await expect(createSelfSignedCertificate({ dnsNames: [] })).rejects.toThrow(
      'a self-signed certificate needs at least one DNS name or IP address',
    );
  });
});

describe('ensureSelfSignedFiles', () => {
  it('writes a pair, keeps it while it is good, and replaces it when names change', async () => {
    const target = path.join(dir, '.acpnet');
    const first = await ensureSelfSignedFiles(target, { dnsNames: ['localhost'], now });
    expect(first).toEqual({
      certFile: path.join(target, 'tls.crt'),
      keyFile: path.join(target, 'tls.key'),
      created: true,
    });
    expect((await stat(first.keyFile)).mode & 0o777).toBe(0o600);
    const firstPem = await readFile(first.certFile, 'utf8');

    const again = await ensureSelfSignedFiles(target, { dnsNames: ['localhost'], now });
    expect(again.created).toBe(false);
    expect(await readFile(again.certFile, 'utf8')).toBe(firstPem);

    const renamed = await ensureSelfSignedFiles(target, { dnsNames: ['localhost', 'webhook.local'], now });
    expect(renamed.created).toBe(true);
    expect(await readFile(renamed.certFile, 'utf8')).not.toBe(firstPem);
  });

  it('replaces a pair that expires within 30 days or that is garbage', async () => {
    const target = path.join(dir, 'renew');
    await ensureSelfSignedFiles(target, { dnsNames: ['localhost'], now, validityDays: 20 });
    expect((await ensureSelfSignedFiles(target, { dnsNames: ['localhost'], now })).created).toBe(true);
    await import('node:fs/promises').then((fs) => fs.writeFile(path.join(target, 'tls.crt'), 'garbage'));
    expect((await ensureSelfSignedFiles(target, { dnsNames: ['localhost'], now })).created).toBe(true);
  });
});

describe('a self-signed pair in a real TLS handshake', () => {
  it.each([
    ['a DNS name', 'localhost', true],
    ['an IP address', '127.0.0.1', true],
    ['a name it was not made for', 'elsewhere.example', false],
  ])('verifies for %s (%s): %s', async (_case, servername, expected) => {
    const pair = await createSelfSignedCertificate({ dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
    const server = createServer({ cert: pair.certPem, key: pair.keyPem, minVersion: 'TLSv1.2' }, (socket) =>
      socket.end('ok'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({
          host: '127.0.0.1',
          port,
          ca: pair.certPem,
          // SNI carries host names only, never addresses.
          ...(isIP(servername) ? {} : { servername }),
          checkServerIdentity: (_host, certificate) =>
            // Verify against the name under test, as a client dialling that name would.
            checkIdentity(servername, certificate),
        });
        socket.once('secureConnect', () => {
          socket.end();
          resolve('verified');
        });
        socket.once('error', (error) => resolve(error.message));
      });
      if (expected) expect(outcome).toBe('verified');
      else expect(outcome).toMatch(/does not match certificate's altnames|Hostname\/IP does not match/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
