/**
 * `acpnet keepalived sync` refuses what it cannot work with before it starts, with a message that
 * names the flag, file or server: usage errors, a --dir it cannot write, kubeconfigs it cannot read
 * or whose certificates expired, and (with --once) API servers that do not answer. The runs
 * against a real API server are in test/integration/keepalived/sync.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { daysFrom, issueCertificate } from '../../support/certs.js';
import { runInProcess } from '../../support/cli-in-process.js';
import { writeKubeconfig } from '../../support/kubeconfig-files.js';

const dir = mkdtempSync(path.join(tmpdir(), 'acpnet-sync-'));
const out = path.join(dir, 'out');
let closedPort = 0;
let valid = '';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  // A port nothing listens on: connections to it are refused at once.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  const client = await issueCertificate({ commonName: 'lb-host' });
  valid = writeKubeconfig(dir, 'kubecfg01.conf', { server: `https://127.0.0.1:${closedPort}`, client });
  writeFileSync(path.join(dir, 'a-file'), '');
  rmSync(out, { force: true });
  mkdirSync(out);
});

const sync = (...args: string[]) => runInProcess(['keepalived', 'sync', ...args]);
const base = () => ['--kubeconfig', valid, '--configmap', 'cpaas-system/lb-hosts', '--dir', out];

describe('acpnet keepalived sync refuses at once', () => {
  it.each([
    [['--configmap', 'a/b', '--dir', '.'], '--kubeconfig FILE is required (one per API server)'],
    [['--kubeconfig', 'k', '--dir', '.'], '--configmap NS/NAME is required'],
    [
      ['--kubeconfig', 'k', '--configmap', 'lb-hosts', '--dir', '.'],
      '--configmap must be NAMESPACE/NAME of a ConfigMap (lowercase DNS names), got "lb-hosts"',
    ],
    [
      ['--kubeconfig', 'k', '--configmap', 'ns/Lb_Hosts', '--dir', '.'],
      '--configmap must be NAMESPACE/NAME of a ConfigMap (lowercase DNS names), got "ns/Lb_Hosts"',
    ],
    [
      ['--kubeconfig', 'k', '--configmap', 'a/b/c', '--dir', '.'],
      '--configmap must be NAMESPACE/NAME of a ConfigMap (lowercase DNS names), got "a/b/c"',
    ],
    [['--kubeconfig', 'k', '--configmap', 'a/b'], '--dir DIR is required'],
    [
      ['--kubeconfig', 'k', '--configmap', 'a/b', '--dir', '.', '-f', 'json'],
      '--format must be alive or keepalived.conf, got "json"',
    ],
    [
      ['--kubeconfig', 'k', '--configmap', 'a/b', '--dir', '.', '--host', '10.0.0.1'],
      '--host applies to --format keepalived.conf only',
    ],
    [
      ['--kubeconfig', 'k', '--configmap', 'a/b', '--dir', '.', '--log-level', 'loud'],
      '--log-level must be one of',
    ],
    [['--kubeconfig', 'k', '--configmap', 'a/b', '--dir', '.', 'extra'], 'unexpected argument "extra"'],
    [['--kubeconfig', 'k', '--configmap', 'a/b', '--dir', '.', '--watch'], 'unknown flag --watch'],
  ])('%j: a usage error (exit 2)', async (args, message) => {
    const result = await sync(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`acpnet keepalived sync: ${message}`);
  });

  it.each([
    ['absent', () => path.join(dir, 'absent'), 'does not exist (ENOENT)'],
    ['a file', () => path.join(dir, 'a-file'), 'not a directory'],
    ['below a file', () => path.join(dir, 'a-file', 'x'), 'cannot be written (ENOTDIR)'],
  ])('a --dir that is %s (exit 2)', async (_what, target, message) => {
    const result = await sync('--kubeconfig', valid, '--configmap', 'a/b', '--dir', target());
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `acpnet keepalived: --dir ${target()}: ${message}\n`,
    });
  });

  it('a kubeconfig it cannot read, naming each (exit 2)', async () => {
    const absent = path.join(dir, 'kubecfg02.conf');
    const result = await sync(...base(), '--kubeconfig', absent);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `acpnet keepalived: --kubeconfig ${absent}: cannot read (ENOENT)\n`,
    });
  });

  it('kubeconfigs whose certificates all expired, naming the files and dates (exit 2)', async () => {
    const now = new Date();
    const expired = await issueCertificate({ notBefore: daysFrom(now, -90), notAfter: daysFrom(now, -1) });
    const file = writeKubeconfig(dir, 'expired.conf', { server: 'https://127.0.0.1:1', client: expired });
    const result = await sync('--kubeconfig', file, '--configmap', 'a/b', '--dir', out, '--once');
    const date = expired.certificate.validToDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `acpnet keepalived: --kubeconfig ${file}: client certificate (client-certificate-data) expired on ${date}; refused: renew it (copy the cluster's admin.conf again)\n`,
    });
  });

  it('--once when no API server answers, naming each kubeconfig and server (exit 2)', async () => {
    const result = await sync(...base(), '--once', '--log-level', 'silent');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('acpnet keepalived: no API server answered:\n');
    expect(result.stderr).toContain(`acpnet keepalived:   ${valid}: https://127.0.0.1:${closedPort}: `);
    expect(result.stderr).toMatch(/ECONNREFUSED/);
  });

  it('has help', async () => {
    const result = await sync('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Usage: acpnet keepalived sync --kubeconfig FILE [--kubeconfig FILE ...]',
    );
  });
});
