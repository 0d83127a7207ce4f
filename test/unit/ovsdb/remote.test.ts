import net from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { OvsdbClient } from '../../../shared/ovsdb/client.js';
import { OvsdbConnectionError } from '../../../shared/ovsdb/errors.js';
import { connectRemotes, parseRemotes, RemoteSyntaxError } from '../../../shared/ovsdb/remote.js';
import { issueCertificate, keyPem } from '../../support/certs.js';
import { type FakeServer, fakeServer, reply } from './fake-server.js';

const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('parseRemotes', () => {
  it('reads the remotes OVS tools take', () => {
    expect(parseRemotes('tcp:127.0.0.1:6645')).toEqual([
      { kind: 'tcp', host: '127.0.0.1', port: 6645, text: 'tcp:127.0.0.1:6645' },
    ]);
    expect(parseRemotes('ssl:[fd00::1]:6646')).toEqual([
      { kind: 'ssl', host: 'fd00::1', port: 6646, text: 'ssl:[fd00::1]:6646' },
    ]);
    expect(parseRemotes('unix:/var/run/ovn/ovn_ic_sb_db.sock')).toEqual([
      { kind: 'unix', path: '/var/run/ovn/ovn_ic_sb_db.sock', text: 'unix:/var/run/ovn/ovn_ic_sb_db.sock' },
    ]);
    expect(parseRemotes('tcp:[192.168.39.22]:6646,tcp:ic-db.example:6646').map((r) => r.text)).toEqual([
      'tcp:[192.168.39.22]:6646',
      'tcp:ic-db.example:6646',
    ]);
  });

  it('says what a remote should look like', () => {
    expect(() => parseRemotes('')).toThrow(new RemoteSyntaxError('no OVSDB remote given'));
    expect(() => parseRemotes('127.0.0.1:6646')).toThrow(
      '"127.0.0.1:6646" is not tcp:HOST:PORT, ssl:HOST:PORT or unix:PATH',
    );
    expect(() => parseRemotes('tcp:127.0.0.1')).toThrow(
      '"tcp:127.0.0.1" is not tcp:HOST:PORT (IPv6 hosts in brackets)',
    );
    expect(() => parseRemotes('tcp:127.0.0.1:70000')).toThrow(RemoteSyntaxError);
    expect(() => parseRemotes('tcp:fd00::1:6646')).toThrow(RemoteSyntaxError);
    expect(() => parseRemotes('unix:')).toThrow('unix: needs a socket path');
  });
});

describe('connectRemotes', () => {
  it('names the address it could not reach', async () => {
    const port = await closedPort();
    const error = await OvsdbClient.connect(`tcp:127.0.0.1:${port}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OvsdbConnectionError);
    expect((error as Error).message).toMatch(
      new RegExp(`^cannot connect to tcp:127\\.0\\.0\\.1:${port}: connect ECONNREFUSED`),
    );
  });

  it('tries the remotes of a list in order', async () => {
    const down = await closedPort();
    const server = await fakeServer((message, socket) => reply(socket, message.id, ['OVN_IC_Southbound']));
    servers.push(server);
    const client = await OvsdbClient.connect(`tcp:127.0.0.1:${down},${server.address}`);
    try {
      expect(client.address).toBe(server.address);
      expect(await client.listDbs()).toEqual(['OVN_IC_Southbound']);
    } finally {
      client.close();
    }
  });

  it('gives up on a TLS handshake that never finishes', async () => {
    const silent = await fakeServer();
    servers.push(silent);
    const remotes = parseRemotes(`ssl:127.0.0.1:${silent.port}`);
    const certificate = await issueCertificate({ commonName: 'acpnet' });
    const tls = { key: keyPem(certificate.key), cert: certificate.certPem, ca: certificate.certPem };
    const started = Date.now();
    const error = await connectRemotes(remotes, { connectTimeoutMs: 200, tls }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OvsdbConnectionError);
    expect((error as Error).message).toBe(
      `cannot connect to ssl:127.0.0.1:${silent.port}: no connection within 200 ms`,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('needs key, certificate and CA for an ssl: remote', async () => {
    await expect(connectRemotes(parseRemotes('ssl:127.0.0.1:1'))).rejects.toThrow(
      'ssl:127.0.0.1:1: an ssl: remote needs a private key, a certificate and a CA certificate',
    );
  });
});
