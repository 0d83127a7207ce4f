/** The client over TLS (ssl: remotes), against ovsdb-server's pssl listener with certificates made here. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OvsdbClient } from '../../../shared/ovsdb/client.js';
import { OvsdbConnectionError } from '../../../shared/ovsdb/errors.js';
import { issueCertificate, keyPem, type TestCertificate } from '../../support/certs.js';
import { acpnet, type OvsdbServer, startOvsdb } from './support.js';

let server: OvsdbServer;
let dir: string;
let sslAddress: string;
let ca: TestCertificate;
let clientCert: TestCertificate;
const files: Record<string, string> = {};

beforeAll(async () => {
  ca = await issueCertificate({ commonName: 'acpnet test CA', ca: true });
  const serverCert = await issueCertificate({ commonName: 'ovsdb-server', ips: ['127.0.0.1'], issuer: ca });
  clientCert = await issueCertificate({ commonName: 'acpnet', issuer: ca });
  dir = await mkdtemp(path.join(tmpdir(), 'acpnet-ovsdb-tls-'));
  const write = async (name: string, text: string) => {
    files[name] = path.join(dir, name);
    await writeFile(files[name]!, text);
  };
  await write('ca.pem', ca.certPem);
  await write('server-cert.pem', serverCert.certPem);
  await write('server-key.pem', keyPem(serverCert.key));
  await write('client-cert.pem', clientCert.certPem);
  await write('client-key.pem', keyPem(clientCert.key));
  server = await startOvsdb({
    databases: ['ovn-ic-sb'],
    env: {
      OVSDB_SSL_KEY: files['server-key.pem']!,
      OVSDB_SSL_CERT: files['server-cert.pem']!,
      OVSDB_SSL_CA: files['ca.pem']!,
    },
  });
  sslAddress = (await readFile(path.join(server.dir, 'ssl-address'), 'utf8')).trim();
});

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('OVSDB over TLS', () => {
  it('connects with a client certificate signed by the CA the server trusts', async () => {
    const client = await OvsdbClient.connect(sslAddress, {
      tls: { key: keyPem(clientCert.key), cert: clientCert.certPem, ca: ca.certPem },
    });
    try {
      expect(sslAddress).toMatch(/^ssl:127\.0\.0\.1:\d+$/);
      expect(await client.listDbs()).toContain('OVN_IC_Southbound');
    } finally {
      client.close();
    }
  });

  it('refuses a server whose certificate another CA signed, naming the address', async () => {
    const stranger = await issueCertificate({ commonName: 'another CA', ca: true });
    const error = await OvsdbClient.connect(sslAddress, {
      tls: { key: keyPem(clientCert.key), cert: clientCert.certPem, ca: stranger.certPem },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OvsdbConnectionError);
    expect((error as Error).message).toMatch(new RegExp(`^cannot connect to ${sslAddress}: `));
  });

  it('runs the cleanup over TLS with the OVN tools flags', async () => {
    const result = await acpnet(
      ...['interconnect', 'clean', '--ic-sb', sslAddress, '--az', 'az-absent'],
      ...['--private-key', files['client-key.pem']!, '--certificate', files['client-cert.pem']!],
      ...['--ca-cert', files['ca.pem']!],
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`IC southbound ${sslAddress}`);
    expect(result.stdout).toContain('nothing to do: no availability zone is named az-absent');
  });
});
