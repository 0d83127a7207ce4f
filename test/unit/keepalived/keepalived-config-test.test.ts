/**
 * Every keepalived.conf acpnet renders is checked by the real keepalived (`keepalived --config-test`,
 * Debian's package, installed by .ci/run): the guide's IPv4 and IPv6 instances, the file for every
 * host of the group (conditional configuration, `-i <peer>`) and the file for one host, health
 * checks acpnet completes, and broken templates keepalived itself refuses (status and message).
 * Nothing is skipped: without keepalived these tests fail and say how to install it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { type KeepalivedTemplate, readTemplate } from '../../../shared/keepalived/read-template.js';
import { renderKeepalivedConf } from '../../../shared/keepalived/render-keepalived-conf.js';
import { configTest, keepalivedBinary, machineInterface } from './support/keepalived.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/keepalived/templates');

/** keepalived's --config-test: 0 when the configuration is clean, 5 (CONFIG_TEST) when it found errors. */
const CLEAN = 0;
const CONFIG_ERRORS = 5;

/** The template with every instance on an interface this machine has (the guide's is eth0). */
function onThisMachine(text: string): KeepalivedTemplate {
  const reading = readTemplate(text);
  if (!reading.template) throw new Error(JSON.stringify(reading.problems));
  const iface = machineInterface();
  return {
    ...reading.template,
    instances: reading.template.instances.map((item) => ({
      ...item,
      instance: { ...item.instance, interface: iface },
    })),
  };
}

const guide = () => onThisMachine(readFileSync(path.join(fixtures, 'guide.yaml'), 'utf8'));
const guideHosts = [
  ['192.168.128.116', '2004::192:168:128:116'],
  ['192.168.128.75', '2004::192:168:128:75'],
] as const;

beforeAll(() => {
  keepalivedBinary();
});

describe("the guide's instances", () => {
  it('render to one file every LB host accepts with its own config id', () => {
    const conf = renderKeepalivedConf(guide());
    for (const id of guideHosts.flat()) {
      const result = configTest(conf, ['-i', id]);
      expect({ id, ...result }).toEqual({ id, status: CLEAN, output: '' });
    }
  });

  it('render one file per host, IPv4 and IPv6 instances side by side', () => {
    for (const host of guideHosts) {
      const conf = renderKeepalivedConf(guide(), undefined, { host });
      expect(conf).toContain(`unicast_src_ip ${host[0]}`);
      expect(conf).toContain(`unicast_src_ip ${host[1]}`);
      expect(configTest(conf)).toEqual({ status: CLEAN, output: '' });
    }
  });

  it('render with the backends an ALB2 has now, the whole set in address order', () => {
    const backends = new Map([
      ['vip-1', ['192.168.143.192', '192.168.129.100', '192.168.143.192']],
      ['2004::192:168:128:118', ['2004::192:168:129:100']],
    ]);
    const conf = renderKeepalivedConf(guide(), backends, { host: guideHosts[0] });
    expect(conf.match(/real_server \S+ 80/g)).toEqual([
      'real_server 192.168.129.100 80',
      'real_server 192.168.143.192 80',
      'real_server 2004::192:168:129:100 80',
    ]);
    expect(configTest(conf)).toEqual({ status: CLEAN, output: '' });
  });
});

describe('what acpnet completes', () => {
  const text = `instances:
  - vip: { vip: 10.20.0.10, id: 7, interface: eth0, check_interval: 2, check_timeout: 4, peer: [10.20.0.1, 10.20.0.2],
           ipvs: { ips: [10.20.1.1, 10.20.1.2], ports: [
             { port: 443, raw_check: "HTTP_GET {\\n url {\\n path /healthz\\n status_code 200\\n }\\n connect_port 1936\\n}\\n" },
             { port: 8443, raw_check: "SSL_GET {\\n url {\\n path /healthz\\n }\\n}\\nTCP_CHECK {\\n}\\n" },
             { port: 80, virtual_server_config: "lb_kind NAT\\n", raw_check: "TCP_CHECK {\\n connect_port 1936\\n}\\n" } ] } }
  - { vip: "fd00:20::10", id: 7, interface: eth0, peer: ["fd00:20::1", "fd00:20::2"] }
`;

  it('fills delay_loop, lb_algo, lb_kind, protocol and connect_timeout the template leaves out', () => {
    const conf = renderKeepalivedConf(onThisMachine(text));
    const port443 = conf.slice(conf.indexOf('virtual_server 10.20.0.10 443'));
    expect(port443).toMatch(
      /^virtual_server 10\.20\.0\.10 443 \{\n {2}delay_loop 2\n {2}lb_algo rr\n {2}lb_kind NAT\n {2}protocol TCP\n/,
    );
    expect(port443).toContain('    HTTP_GET {\n      connect_timeout 4\n      url {');
    expect(conf).toContain('  delay_loop 2\n  lb_algo rr\n  protocol TCP\n  lb_kind NAT\n');
    expect(conf).toContain('    SSL_GET {\n      connect_timeout 4\n');
    for (const id of ['10.20.0.1', 'fd00:20::2'])
      expect(configTest(conf, ['-i', id])).toEqual({ status: CLEAN, output: '' });
  });

  it('gives an IPv6 VIP its own vrrp_instance (VRRP version 3, chosen by keepalived from the VIP)', () => {
    const conf = renderKeepalivedConf(onThisMachine(text));
    expect(conf).toContain('vrrp_instance vip-fd00-20-10 {');
    expect(conf).not.toContain('native_ipv6');
    expect(configTest(conf, ['-i', 'fd00:20::1'])).toEqual({ status: CLEAN, output: '' });
  });
});

describe('broken configurations keepalived refuses', () => {
  it('an interface the host does not have', () => {
    const template = readTemplate(readFileSync(path.join(fixtures, 'guide.yaml'), 'utf8')).template!;
    const absent = {
      ...template,
      instances: template.instances.map((item) => ({
        ...item,
        instance: { ...item.instance, interface: 'nosuch0' },
      })),
    };
    const result = configTest(renderKeepalivedConf(absent, undefined, { host: guideHosts[0] }));
    expect(result.status).toBe(CONFIG_ERRORS);
    expect(result.output).toContain("WARNING - interface nosuch0 for vrrp_instance vip-1 doesn't exist");
    expect(result.output).toContain('Non-existent interface specified in configuration');
  });

  it('a health check with a keyword keepalived does not know', () => {
    const text = readFileSync(path.join(fixtures, 'guide.yaml'), 'utf8').replaceAll(
      'connect_port 1936',
      'connect_prot 1936',
    );
    const result = configTest(renderKeepalivedConf(onThisMachine(text), undefined, { host: guideHosts[0] }));
    expect(result.status).toBe(CONFIG_ERRORS);
    expect(result.output).toMatch(/\(keepalived\.conf: Line \d+\) Unknown keyword 'connect_prot'/);
  });

  it('a scheduler keepalived does not know', () => {
    const text = readFileSync(path.join(fixtures, 'guide.yaml'), 'utf8').replace(
      'lb_algo rr',
      'lb_algo fastest',
    );
    const result = configTest(renderKeepalivedConf(onThisMachine(text), undefined, { host: guideHosts[0] }));
    expect(result.status).toBe(CONFIG_ERRORS);
    expect(result.output).toMatch(
      /\(keepalived\.conf: Line \d+\) Invalid lvs_scheduler 'fastest' - ignoring/,
    );
  });

  it('a router id out of range, as a hand edit would leave it (admission refuses it first)', () => {
    const conf = renderKeepalivedConf(guide(), undefined, { host: guideHosts[0] }).replace(
      'virtual_router_id 20',
      'virtual_router_id 256',
    );
    const result = configTest(conf);
    expect(result.status).toBe(CONFIG_ERRORS);
    expect(result.output).toContain("(vip-1): VRID '256' not valid - must be between 1 & 255");
  });
});
