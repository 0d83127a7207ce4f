/**
 * The kubecfgs of an LB host (the guide's step 6: when their certificates expire the LB stops
 * working): `keepalived sync` warns about a client certificate that expires within 30 days and
 * refuses an expired one, naming the file and the date, for client-certificate-data and
 * client-certificate files alike. Certificates are generated for each run (test/support/certs.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { openKubeconfig } from '../../../cli/keepalived-sync-access.js';
import { daysFrom, issueCertificate } from '../../support/certs.js';
import { writeKubeconfig } from '../../support/kubeconfig-files.js';

const dir = mkdtempSync(path.join(tmpdir(), 'acpnet-kubecfg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const now = new Date('2026-03-01T12:00:00Z');
const server = 'https://192.0.2.1:6443';
const day = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

async function kubecfg(name: string, notAfterDays: number, asFiles = false, notBeforeDays = -300) {
  const client = await issueCertificate({
    commonName: 'lb-host',
    notBefore: daysFrom(now, notBeforeDays),
    notAfter: daysFrom(now, notAfterDays),
  });
  return {
    file: writeKubeconfig(dir, name, { server, client, asFiles }),
    notAfter: client.certificate.validToDate,
  };
}

describe.each([
  ['client-certificate-data', false],
  ['client-certificate file', true],
])('a kubecfg with its %s', (_how, asFiles) => {
  const source = (file: string) => (asFiles ? `client-certificate ${file}.crt` : 'client-certificate-data');

  it('valid for more than 30 days: usable, nothing said', async () => {
    const { file } = await kubecfg(`valid-${asFiles}`, 31, asFiles);
    const result = openKubeconfig(file, now);
    expect('access' in result && result.access.server).toBe(server);
    expect(result).not.toHaveProperty('warning');
  });

  it('expiring within 30 days: usable, with a warning naming the file and the date', async () => {
    const { file, notAfter } = await kubecfg(`expiring-${asFiles}`, 12, asFiles);
    expect(openKubeconfig(file, now)).toMatchObject({
      warning: `${file}: client certificate (${source(file)}) expires on ${day(notAfter)}, in 12 days; renew it before then or this LB host stops following the cluster`,
    });
  });

  it('expired: refused, naming the file and the date', async () => {
    const { file, notAfter } = await kubecfg(`expired-${asFiles}`, -2, asFiles);
    expect(openKubeconfig(file, now)).toEqual({
      refused: `${file}: client certificate (${source(file)}) expired on ${day(notAfter)}; refused: renew it (copy the cluster's admin.conf again)`,
      unreadable: false,
    });
  });

  it('not valid yet: refused', async () => {
    const { file } = await kubecfg(`future-${asFiles}`, 400, asFiles, 3);
    expect(openKubeconfig(file, now)).toEqual({
      refused: `${file}: client certificate (${source(file)}) is not valid yet; refused (is this host's clock right?)`,
      unreadable: false,
    });
  });
});

describe('kubeconfigs that cannot be used at all', () => {
  it('a missing file, naming it', () => {
    const file = path.join(dir, 'absent.conf');
    expect(openKubeconfig(file, now)).toEqual({ refused: `${file}: cannot read (ENOENT)`, unreadable: true });
  });

  it('text that is not a kubeconfig', () => {
    const file = path.join(dir, 'garbage.conf');
    writeFileSync(file, 'clusters: [[[\n');
    expect(openKubeconfig(file, now)).toMatchObject({
      refused: expect.stringMatching(new RegExp(`^${file}: not a kubeconfig \\(`)),
      unreadable: true,
    });
  });

  it('a certificate file that is missing or holds no certificate', async () => {
    const { file } = await kubecfg('gone', 100, true);
    writeFileSync(`${file}.crt`, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n');
    expect(openKubeconfig(file, now)).toMatchObject({
      refused: expect.stringContaining(`${file}: client-certificate ${file}.crt: `),
      unreadable: true,
    });
    rmSync(`${file}.crt`);
    expect(openKubeconfig(file, now)).toMatchObject({
      refused: `${file}: client-certificate ${file}.crt: cannot read (ENOENT)`,
      unreadable: true,
    });
  });

  it('a token user has no certificate to judge', () => {
    const file = writeKubeconfig(dir, 'token.conf', { server, token: 'abc' });
    expect(openKubeconfig(file, now)).toMatchObject({ access: { file, server } });
  });
});
