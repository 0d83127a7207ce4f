import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runInProcess } from '../../support/cli-in-process.js';
import { configTest, machineInterface } from '../keepalived/support/keepalived.js';
import { repoRoot } from './run-cli.js';

const guidePath = path.join(repoRoot, 'test/fixtures/keepalived/templates/guide.yaml');
const guideText = readFileSync(guidePath, 'utf8');

const acpnet = (args: string[], stdin = '') => runInProcess(args, stdin);

let tmp: string;
const file = (name: string) => path.join(tmp, name);

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'acpnet-keepalived-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The guide's template with its instances taking their backends from ALB2 alb-demo. */
const albTemplate = guideText
  .replace(/^ {8}ips: .*\n/gm, '')
  .replace(/^( {6})ipvs:.*$/gm, '$1alb: alb-demo\n$1ipvs:');

describe('acpnet keepalived render', () => {
  it('prints alive.yaml by default', async () => {
    const result = await acpnet(['keepalived', 'render', guidePath]);
    expect(result).toEqual({
      code: 0,
      stdout: readFileSync(
        path.join(repoRoot, 'test/fixtures/keepalived/templates/guide.alive.yaml'),
        'utf8',
      ),
      stderr: '',
    });
  });

  it('reads the template from standard input', async () => {
    const result = await acpnet(['keepalived', 'render', '-'], guideText);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('vip: 2004::192:168:128:118');
  });

  it('takes the backends of instances that name an ALB2 from --backends, keyed by name or VIP', async () => {
    expect(albTemplate).toContain('alb: alb-demo');
    expect(albTemplate).not.toContain('ips:');
    await writeFile(file('alb.yaml'), albTemplate);
    await writeFile(
      file('backends.yaml'),
      'vip-1: [192.168.143.192, 192.168.129.100]\n"2004::192:168:128:118": ["2004::192:168:129:100"]\n',
    );
    const result = await acpnet([
      'keepalived',
      'render',
      '--backends',
      file('backends.yaml'),
      file('alb.yaml'),
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '        ips:\n          - 192.168.129.100\n          - 192.168.143.192\n',
    );
    expect(result.stdout).toContain('        ips:\n          - 2004::192:168:129:100\n');
    expect(result.stdout).not.toContain('alb:');
  });

  it('refuses instances that name an ALB2 without --backends, naming file, line and field', async () => {
    await writeFile(file('alb.yaml'), albTemplate);
    const result = await acpnet(['keepalived', 'render', file('alb.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `acpnet keepalived: ${file('alb.yaml')}:17: instances[0].vip.alb: takes its backends from ALB2 "alb-demo"; give them offline with --backends FILE (vip-1: [addresses])`,
    );
  });

  it('names file and line of a bad backends file', async () => {
    await writeFile(file('alb.yaml'), albTemplate);
    await writeFile(file('bad-backends.yaml'), 'vip-1: [192.168.143.192, "2004::1"]\nvip-9: []\n');
    const result = await acpnet([
      'keepalived',
      'render',
      '--backends',
      file('bad-backends.yaml'),
      file('alb.yaml'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--backends ${file('bad-backends.yaml')}:1: vip-1: backend 2004::1 is IPv6, the VIP 192.168.128.118 is IPv4`,
    );
    expect(result.stderr).toContain(
      `--backends ${file('bad-backends.yaml')}:2: "vip-9" names no instance; the template's are vip-1, 2004::192:168:128:118`,
    );
  });

  it('reads the keepalived ConfigMap itself, naming the lines of the file', async () => {
    const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: lb-hosts
  namespace: cpaas-system
  labels: { acpnet.io/keepalived: "true" }
data:
  template.yaml: |
    instances:
      - vip: { vip: 10.0.0.10, id: 300, interface: eth0, peer: [10.0.0.1, 10.0.0.2] }
`;
    await writeFile(file('configmap.yaml'), configMap);
    const result = await acpnet(['keepalived', 'render', file('configmap.yaml')]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `acpnet keepalived: ${file('configmap.yaml')}:10: instances[0].vip.id: id 300 is not a VRRP router id 1-255\n`,
    });
    const fixed = await acpnet(['keepalived', 'render', '-'], configMap.replace('id: 300', 'id: 30'));
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('      id: 30\n');
  });

  it('prints keepalived.conf that keepalived accepts, for every host or for one', async () => {
    const iface = machineInterface();
    await writeFile(file('here.yaml'), guideText.replaceAll('"eth0"', `"${iface}"`));
    const group = await acpnet(['keepalived', 'render', '--format', 'keepalived.conf', file('here.yaml')]);
    expect(group.code).toBe(0);
    expect(configTest(group.stdout, ['-i', '192.168.128.75'])).toEqual({ status: 0, output: '' });
    const one = await acpnet([
      'keepalived',
      'render',
      '-f',
      'keepalived.conf',
      '--host',
      '192.168.128.75,2004::192:168:128:75',
      file('here.yaml'),
    ]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('unicast_src_ip 2004::192:168:128:75');
    expect(configTest(one.stdout)).toEqual({ status: 0, output: '' });
  });

  it.each([
    [
      ['keepalived', 'render', '--format', 'json', 'x'],
      'acpnet keepalived render: --format must be alive or keepalived.conf, got "json"',
    ],
    [
      ['keepalived', 'render', '--host', '10.0.0.1', 'x'],
      'acpnet keepalived render: --host applies to --format keepalived.conf only',
    ],
    [
      ['keepalived', 'render', '-f', 'keepalived.conf', '--host', 'lb-1', 'x'],
      'acpnet keepalived render: --host must list IP addresses, got "lb-1"',
    ],
    [
      ['keepalived', 'render', '--backend', 'b.yaml', 'x'],
      'acpnet keepalived render: unknown flag --backend',
    ],
    [
      ['keepalived', 'render'],
      'acpnet keepalived render: no input: give the template FILE, or - for standard input',
    ],
    [['keepalived', 'render', 'a', 'b'], 'acpnet keepalived render: unexpected argument "b"'],
    [['keepalived'], 'acpnet keepalived: a subcommand is required: render or sync'],
    [['keepalived', 'list'], 'acpnet keepalived: unknown subcommand "list" (known: render, sync)'],
  ])('%j is a usage error naming the flag or argument (exit 2)', async (args, message) => {
    const result = await acpnet(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${message}\nRun 'acpnet keepalived --help' for usage.\n`);
  });

  it('names an unreadable file (exit 2)', async () => {
    const result = await acpnet(['keepalived', 'render', file('absent.yaml')]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `acpnet keepalived: ${file('absent.yaml')}: cannot read (ENOENT)\n`,
    });
  });

  it('names file, line and field of every problem of the template (exit 2)', async () => {
    const result = await acpnet(
      ['keepalived', 'render', '-'],
      'instances:\n  - vip:\n      vip: 10.0.0.10\n      id: 1\n      interface: eth0\n      peer: [10.0.0.1]\n      ipvs:\n        ports: [{ port: 80 }]\n',
    );
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toEqual([
      "acpnet keepalived: <stdin>:6: instances[0].vip.peer: needs the addresses of at least two LB hosts of the VIP's family (IPv4), has 1",
      'acpnet keepalived: <stdin>:7: instances[0].vip.ipvs: has ports but no backends: name the ALB2 whose nodes serve them (alb), or list ipvs.ips',
      'acpnet keepalived: <stdin>:8: instances[0].vip.ipvs.ports[0].raw_check: is required: the health check of each backend, e.g. "TCP_CHECK { connect_timeout 3 }"',
      '',
    ]);
  });

  it('has help', async () => {
    const result = await acpnet(['help', 'keepalived']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: acpnet keepalived render [--format alive|keepalived.conf]');
    expect((await acpnet(['keepalived', 'render', '--help'])).stdout).toBe(result.stdout);
  });
});
