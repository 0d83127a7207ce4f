import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { selfSignedIpAddresses } from '../../../webhooks/server/serving-tls.js';
import { repoRoot, runCli } from '../../unit/cli/run-cli.js';
import { reviewBody, send } from './support/client.js';

let cwd: string;

beforeAll(async () => {
  cwd = await mkdtemp(path.join(tmpdir(), 'acpnet-serve-'));
});

afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

interface LogLine {
  msg?: string;
  port?: number;
  [key: string]: unknown;
}

describe('acpnet serve webhooks', () => {
  it('serves the rules over a self-signed certificate with the --state objects, then stops on SIGTERM', async () => {
    const child = spawn(
      path.join(repoRoot, 'node_modules/.bin/node'),
      [
        path.join(repoRoot, 'cli/acpnet.mjs'),
        'serve',
        'webhooks',
        '--listen-address',
        '127.0.0.1',
        '--webhook-port',
        '0',
        '--state',
        path.join(repoRoot, 'test/fixtures/review/cli/state'),
      ],
      { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines: LogLine[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const listening = new Promise<number>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const entry = JSON.parse(line) as LogLine;
        lines.push(entry);
        if (entry.msg === 'webhooks listening' && typeof entry.port === 'number') resolve(entry.port);
      });
      void exited.then((code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    const port = await listening;
    const certPem = await readFile(path.join(cwd, '.acpnet/webhook-tls/tls.crt'), 'utf8');
    const url = `https://127.0.0.1:${port}`;

    let ready = await send(`${url}/readyz`, { method: 'GET', ca: certPem });
    while (ready.status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ready = await send(`${url}/readyz`, { method: 'GET', ca: certPem });
    }
    const served = new X509Certificate(certPem);
    expect(ready.peerFingerprint).toBe(served.fingerprint256);
    // Good for this machine's names and addresses, so a cluster next to it can be pointed here.
    expect(served.checkHost('localhost')).toBe('localhost');
    expect(served.checkIP('127.0.0.1')).toBe('127.0.0.1');
    for (const address of selfSignedIpAddresses()) expect(served.checkIP(address)).toBe(address);

    const route = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'r', namespace: 'apps' },
      spec: { parentRefs: [{ name: 'shop', sectionName: 'https' }] },
    };
    const reply = await send(`${url}/validate`, {
      ca: certPem,
      body: reviewBody({
        uid: 'cli-1',
        kind: { group: 'gateway.networking.k8s.io', version: 'v1', kind: 'HTTPRoute' },
        operation: 'CREATE',
        namespace: 'apps',
        name: 'r',
        object: route,
      }),
    });
    const response = reply.body.response as { uid: string; allowed: boolean; status: { message: string } };
    expect(response).toMatchObject({ uid: 'cli-1', allowed: false });
    expect(response.status.message).toContain('spec.parentRefs[0].sectionName');
    expect(response.status.message).toContain('Gateway apps/shop');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['store synced; ready', 'stopped']));
  }, 120_000);

  it('runs the functions half with `serve functions` and stops it on SIGTERM', async () => {
    const child = spawn(
      path.join(repoRoot, 'node_modules/.bin/node'),
      [
        path.join(repoRoot, 'cli/acpnet.mjs'),
        'serve',
        'functions',
        '--functions-port',
        '0',
        '--functions',
        'loadbalancer-ipam',
      ],
      { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        const entry = JSON.parse(line) as LogLine;
        if (entry.msg === 'functions listening' && typeof entry.url === 'string') resolve(entry.url);
      });
      void exited.then((code) => reject(new Error(`serve exited with ${code}`)));
    });
    const health = await fetch(`${url}/health/liveness`);
    expect(health.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);

  it.each([
    [['--tls-cert', 'x.crt'], '--tls-cert and --tls-key must be given together'],
    [['--webhook-port', '99999'], '--webhook-port must be a port number 0-65535, got "99999"'],
    [
      ['--listen-address', 'everywhere'],
      '--listen-address must be an IPv4 or IPv6 address, got "everywhere"',
    ],
    [
      ['--tls-cert', '/nonexistent/tls.crt', '--tls-key', '/nonexistent/tls.key'],
      "TLS: ENOENT: no such file or directory, open '/nonexistent/tls.crt'",
    ],
    [
      ['--kubeconfig', '/nonexistent/kubeconfig'],
      '--kubeconfig /nonexistent/kubeconfig: ENOENT: no such file or directory',
    ],
    [
      ['--state', 'test/fixtures/review/cli/state', '--kubeconfig', 'k'],
      '--state and --kubeconfig exclude each other',
    ],
    [['--functions', 'ingress-sync'], '--functions applies to serve functions only'],
    [['--log-level', 'loud'], '--log-level must be one of fatal, error, warn, info, debug, trace, silent'],
  ])(
    'refuses %j with exit 2',
    async (flags, message) => {
      const run = await runCli(['serve', 'webhooks', '--webhook-port', '0', ...flags]);
      expect(run.stderr).toContain(message);
      expect(run.code).toBe(2);
    },
    60_000,
  );
});
