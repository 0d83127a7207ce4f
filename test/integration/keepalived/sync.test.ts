/**
 * `acpnet keepalived sync` against a real kube-apiserver, as an LB host runs it: with the guide's
 * several kubecfgs (one that reaches no server, one whose certificate expired, one of a user that
 * may read only this ConfigMap and whose certificate expires in 10 days), `--once` and following
 * the ConfigMap; files written atomically (a reader polling the file never sees a part), only when
 * changed, the previous file kept when the new content fails its checks (keepalived --config-test
 * included for keepalived.conf); the watch survives an API server restart; SIGTERM stops it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parse, stringify } from 'yaml';
import { hostFileFrom } from '../../../shared/keepalived/host-file.js';
import { type AcpnetProcess, startAcpnet } from '../../e2e/support/acpnet-process.js';
import { pollUntil } from '../../e2e/support/cluster.js';
import { daysFrom, issueCertificate, issuerFromPem } from '../../support/certs.js';
import { runInProcess } from '../../support/cli-in-process.js';
import {
  KUBE_SETUP_TIMEOUT_MS,
  type KubeApiServer,
  kubectlOk,
  startKubeApiServer,
} from '../../support/kube-harness.js';
import { writeKubeconfig } from '../../support/kubeconfig-files.js';
import { configTest, machineInterface } from '../../unit/keepalived/support/keepalived.js';

jest.setTimeout(240_000);

const NAMESPACE = 'lb-hosts';
const dir = mkdtempSync(path.join(tmpdir(), 'acpnet-sync-it-'));
const kubecfgs = path.join(dir, 'kubecfg');
let server: KubeApiServer;
let dead = '';
let expired = '';
let narrow = '';
let narrowExpiry = '';
let expiredOn = '';
const processes: AcpnetProcess[] = [];

/** A valid alive.yaml: one IPv4 instance with these backends (many make a large file). */
function alive(ips: readonly string[], options: { iface?: string; check?: string } = {}): string {
  const instance = {
    vip: '10.99.0.10',
    id: 51,
    interface: options.iface ?? 'eth0',
    name: 'vip-sync',
    peer: ['10.99.0.1', '10.99.0.2'],
    ipvs: {
      ips,
      ports: [{ port: 80, raw_check: options.check ?? 'TCP_CHECK {\n  connect_timeout 3\n}\n' }],
    },
  };
  return `# rendered for the sync test\n${stringify({ instances: [{ vip: instance }] })}`;
}

const manyBackends = (count: number, third: number) =>
  Array.from({ length: count }, (_, i) => `10.${third}.${Math.floor(i / 250)}.${(i % 250) + 1}`);

async function putConfigMap(name: string, aliveYaml: string | undefined): Promise<void> {
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: NAMESPACE, labels: { 'acpnet.io/keepalived': 'true' } },
    data: {
      'template.yaml': 'instances: []\n',
      ...(aliveYaml === undefined ? {} : { 'alive.yaml': aliveYaml }),
    },
  };
  await kubectlOk(server.kubeconfig, ['apply', '--server-side', '--force-conflicts', '-f', '-'], {
    stdin: JSON.stringify(configMap),
  });
}

const logLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const day = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

beforeAll(async () => {
  // A private server: one test stops and starts it, and its CA signs the LB host's certificates.
  server = await startKubeApiServer();
  const admin = parse(readFileSync(server.kubeconfig, 'utf8')) as {
    clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
  };
  const cluster = admin.clusters[0]!.cluster;
  const caPem = Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8');
  const pki = path.join(path.dirname(server.kubeconfig), 'pki');
  const ca = await issuerFromPem(caPem, readFileSync(path.join(pki, 'ca.key'), 'utf8'));
  const now = new Date();
  const soon = await issueCertificate({ commonName: 'lb-host-1', issuer: ca, notAfter: daysFrom(now, 10) });
  const old = await issueCertificate({
    commonName: 'lb-host-1',
    issuer: ca,
    notBefore: daysFrom(now, -60),
    notAfter: daysFrom(now, -1),
  });
  narrowExpiry = day(soon.certificate.validToDate);
  expiredOn = day(old.certificate.validToDate);
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const closed = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  dead = writeKubeconfig(kubecfgs, 'kubecfg01.conf', {
    server: `https://127.0.0.1:${closed}`,
    caPem,
    client: soon,
  });
  expired = writeKubeconfig(kubecfgs, 'kubecfg02.conf', {
    server: cluster.server,
    caPem,
    client: old,
    asFiles: true,
  });
  narrow = writeKubeconfig(kubecfgs, 'kubecfg03.conf', { server: cluster.server, caPem, client: soon });

  // The LB host's user may read its group's ConfigMaps by name, nothing else.
  await kubectlOk(server.kubeconfig, ['create', 'namespace', NAMESPACE]);
  await kubectlOk(server.kubeconfig, [
    'create',
    'role',
    'keepalived-host',
    '-n',
    NAMESPACE,
    '--verb=get,list,watch',
    '--resource=configmaps',
    '--resource-name=lb-a',
    '--resource-name=lb-b',
    '--resource-name=lb-conf',
  ]);
  await kubectlOk(server.kubeconfig, [
    'create',
    'rolebinding',
    'keepalived-host',
    '-n',
    NAMESPACE,
    '--role=keepalived-host',
    '--user=lb-host-1',
  ]);
}, KUBE_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('keepalived sync --once', () => {
  const out = path.join(dir, 'once');
  const args = () => [
    'keepalived',
    'sync',
    '--kubeconfig',
    dead,
    '--kubeconfig',
    expired,
    '--kubeconfig',
    narrow,
  ];

  it('skips the kubecfg that reaches nothing and the expired one, warns about the expiring one, writes alive.yaml', async () => {
    const text = alive(['10.98.0.3', '10.98.0.1']);
    await putConfigMap('lb-a', text);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const result = await runInProcess([
      ...args(),
      '--configmap',
      `${NAMESPACE}/lb-a`,
      '--dir',
      out,
      '--once',
    ]);
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(out, 'alive.yaml'), 'utf8')).toBe(text);
    const logs = logLines(result.stderr);
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'kubeconfig refused',
        reason: `${expired}: client certificate (client-certificate ${expired}.crt) expired on ${expiredOn}; refused: renew it (copy the cluster's admin.conf again)`,
      }),
    );
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'kubeconfig certificate expires soon',
        reason: expect.stringContaining(
          `${narrow}: client certificate (client-certificate-data) expires on ${narrowExpiry}, in 9 days`,
        ),
      }),
    );
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'API server did not answer; trying the next kubeconfig',
        reason: expect.stringMatching(
          new RegExp(`^${dead}: https://127.0.0.1:\\d+: fetch failed \\(connect ECONNREFUSED`),
        ),
      }),
    );
    expect(logs.at(-1)).toMatchObject({ msg: 'changed; written', outcome: 'changed', kubeconfig: narrow });
  });

  it('writes nothing when the file is already current', async () => {
    const before = statSync(path.join(out, 'alive.yaml'));
    const result = await runInProcess([
      ...args(),
      '--configmap',
      `${NAMESPACE}/lb-a`,
      '--dir',
      out,
      '--once',
    ]);
    expect(result.code).toBe(0);
    expect(logLines(result.stderr).at(-1)).toMatchObject({ outcome: 'unchanged' });
    const after = statSync(path.join(out, 'alive.yaml'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('keeps the file and exits 1 when the new alive.yaml fails its checks', async () => {
    const before = readFileSync(path.join(out, 'alive.yaml'), 'utf8');
    await putConfigMap('lb-a', `${alive(['10.98.0.1'])}extra: field\n`);
    const result = await runInProcess([
      ...args(),
      '--configmap',
      `${NAMESPACE}/lb-a`,
      '--dir',
      out,
      '--once',
    ]);
    expect(result.code).toBe(1);
    expect(logLines(result.stderr).at(-1)).toMatchObject({
      outcome: 'refused',
      reasons: ['alive.yaml line 20: extra: unknown field "extra"'],
    });
    expect(readFileSync(path.join(out, 'alive.yaml'), 'utf8')).toBe(before);
  });

  it('exits 1 for a ConfigMap without alive.yaml, and one that does not exist', async () => {
    await putConfigMap('lb-b', undefined);
    const empty = await runInProcess([...args(), '--configmap', `${NAMESPACE}/lb-b`, '--dir', out, '--once']);
    expect(empty.code).toBe(1);
    expect(logLines(empty.stderr).at(-1)).toMatchObject({
      reasons: ['the ConfigMap holds no alive.yaml (yet)'],
    });
    const absent = await runInProcess([
      'keepalived',
      'sync',
      '--kubeconfig',
      server.kubeconfig,
      '--configmap',
      `${NAMESPACE}/lb-none`,
      '--dir',
      out,
      '--once',
    ]);
    expect(absent.code).toBe(1);
    expect(logLines(absent.stderr).at(-1)).toMatchObject({ reasons: ['the ConfigMap does not exist'] });
  });

  it('exits 2 when the only kubecfg may not read that ConfigMap, saying the server refused', async () => {
    const result = await runInProcess([
      'keepalived',
      'sync',
      '--kubeconfig',
      narrow,
      '--configmap',
      `${NAMESPACE}/other`,
      '--dir',
      out,
      '--once',
      '--log-level',
      'silent',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`acpnet keepalived:   ${narrow}: `);
    expect(result.stderr).toContain('HTTP 403 Forbidden');
  });
});

describe('keepalived sync --format keepalived.conf', () => {
  const out = path.join(dir, 'conf');

  it('writes a keepalived.conf keepalived accepts, and keeps it when keepalived refuses the next one', async () => {
    mkdirSync(out, { recursive: true });
    const iface = machineInterface();
    await putConfigMap('lb-conf', alive(['10.98.0.1', '10.98.0.2'], { iface }));
    const run = () =>
      runInProcess([
        'keepalived',
        'sync',
        '--kubeconfig',
        narrow,
        '--configmap',
        `${NAMESPACE}/lb-conf`,
        '--dir',
        out,
        '-f',
        'keepalived.conf',
        '--host',
        '10.99.0.1',
        '--once',
      ]);
    const first = await run();
    expect(first.code).toBe(0);
    const conf = readFileSync(path.join(out, 'keepalived.conf'), 'utf8');
    expect(conf).toContain('real_server 10.98.0.2 80 {');
    expect(configTest(conf)).toEqual({ status: 0, output: '' });
    expect(logLines(first.stderr)).toContainEqual(
      expect.objectContaining({ msg: 'each keepalived.conf is checked with keepalived --config-test first' }),
    );

    // A keyword keepalived does not know passes the template checks (the fragments are keepalived's
    // to judge) and is refused by keepalived itself.
    await putConfigMap(
      'lb-conf',
      alive(['10.98.0.1'], { iface, check: 'TCP_CHECK {\n  connect_prot 80\n}\n' }),
    );
    const second = await run();
    expect(second.code).toBe(1);
    const refused = logLines(second.stderr).at(-1) as { outcome: string; reasons: string[] };
    expect(refused.outcome).toBe('refused');
    expect(refused.reasons[0]).toMatch(
      /^keepalived --config-test exited 5: .*Unknown keyword 'connect_prot'/s,
    );
    expect(readFileSync(path.join(out, 'keepalived.conf'), 'utf8')).toBe(conf);
    expect(readdirSync(out)).toEqual(['keepalived.conf']);
  });
});

describe('keepalived sync following the ConfigMap', () => {
  const out = path.join(dir, 'follow');
  const file = path.join(out, 'alive.yaml');
  let sync: AcpnetProcess;
  const versions = {
    first: alive(['10.97.0.1']),
    large: alive(manyBackends(4000, 96)),
    broken: `${alive(['10.97.0.9'])}  - vip: { vip: 10.99.0.10 }\n`,
    last: alive(manyBackends(3000, 95)),
    afterRestart: alive(['10.97.0.1', '10.97.0.2']),
  };
  const seen = new Set<string>();
  let reading = true;
  let reader: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    await putConfigMap('lb-a', versions.first);
    sync = await startAcpnet({
      args: [
        'keepalived',
        'sync',
        '--kubeconfig',
        dead,
        '--kubeconfig',
        narrow,
        '--configmap',
        `${NAMESPACE}/lb-a`,
        '--dir',
        out,
      ],
      ready: (entry) => entry['msg'] === 'changed; written',
    });
    processes.push(sync);
    // Reads the file as fast as it can and keeps every content it ever saw.
    reader = (async () => {
      while (reading) {
        try {
          seen.add(await readFile(file, 'utf8'));
        } catch (error) {
          seen.add(`unreadable: ${(error as NodeJS.ErrnoException).code}`);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
  });

  const fileHolds = (content: string, what: string) =>
    pollUntil(
      what,
      () => readFile(file, 'utf8'),
      (text) => text === content,
      { timeoutMs: 120_000 },
    );

  it('writes each new alive.yaml whole, keeps the previous one when the next fails its checks', async () => {
    await putConfigMap('lb-a', versions.large);
    await fileHolds(versions.large, 'the large alive.yaml');
    await putConfigMap('lb-a', versions.broken);
    await pollUntil(
      'the broken alive.yaml refused',
      async () => sync.output(),
      (text) => text.includes('"outcome":"refused"'),
    );
    expect(readFileSync(file, 'utf8')).toBe(versions.large);
    await putConfigMap('lb-a', versions.last);
    await fileHolds(versions.last, 'the last alive.yaml');
    reading = false;
    await reader;
    // Every content a reader ever saw was a whole version; none was the refused one or a part.
    expect([...seen].every((text) => [versions.first, versions.large, versions.last].includes(text))).toBe(
      true,
    );
    expect(seen.has(versions.last)).toBe(true);
    expect(readdirSync(out)).toEqual(['alive.yaml']);
    const refused = logLines(sync.output()).find((entry) => entry['outcome'] === 'refused');
    const expected = hostFileFrom(versions.broken, 'alive');
    expect('refused' in expected && expected.refused).toContainEqual(
      expect.stringContaining('VIP 10.99.0.10 is already the VIP of instances[0].vip'),
    );
    expect(refused?.['reasons']).toEqual('refused' in expected ? expected.refused : []);
  });

  it('keeps following across an API server restart', async () => {
    await server.stopApiServer();
    await pollUntil(
      'the loss to be noticed',
      async () => sync.output(),
      (text) => text.includes('no kubeconfig reaches an API server; retrying'),
    );
    await server.startApiServer();
    await putConfigMap('lb-a', versions.afterRestart);
    await fileHolds(versions.afterRestart, 'the alive.yaml written after the restart');
  });

  it('stops on SIGTERM with status 0', async () => {
    expect(await sync.stop()).toBe(0);
    expect(logLines(sync.output()).at(-1)).toMatchObject({ msg: 'stopped' });
  });
});
