/**
 * What `acpnet keepalived sync` writes on an LB host from the ConfigMap's alive.yaml
 * (hostFileFrom): the text as it is when it reads and passes the checks, a keepalived.conf that
 * keepalived itself accepts, and otherwise the reasons it is refused, each naming line and field.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { hostFileFrom } from '../../../shared/keepalived/host-file.js';
import { configTest, machineInterface } from './support/keepalived.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/keepalived/templates');
const guideAlive = readFileSync(path.join(fixtures, 'guide.alive.yaml'), 'utf8');

describe('alive.yaml for the platform image', () => {
  it('is the ConfigMap text, byte for byte, when it passes the checks', () => {
    expect(hostFileFrom(guideAlive, 'alive')).toEqual({ content: guideAlive });
  });

  it.each([
    [undefined, ['the ConfigMap holds no alive.yaml (yet)']],
    [
      'instances:\n  - vip: { vip: 10.0.0.1, id: 1\n',
      [
        'alive.yaml line 3: <root>: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
      ],
    ],
    ['instances: []\n', ['alive.yaml line 1: instances: is empty; it must list at least one instance']],
    [
      'instances:\n  - vip:\n      vip: 10.0.0.1\n      interface: eth0\n      peer: [10.0.0.2, 10.0.0.3]\n      check_intervall: 2\n',
      ['alive.yaml line 6: instances[0].vip.check_intervall: unknown field "check_intervall"'],
    ],
    [
      'instances:\n  - vip:\n      vip: 10.0.0.1\n      interface: eth0\n      peer: [10.0.0.2]\n      ipvs: { ips: [10.0.0.9, "fe80::1"] }\n',
      [
        "alive.yaml line 5: instances[0].vip.peer: needs the addresses of at least two LB hosts of the VIP's family (IPv4), has 1",
        'alive.yaml line 6: instances[0].vip.ipvs.ips[1]: backend fe80::1 is IPv6, the VIP 10.0.0.1 is IPv4; an instance carries one family (give the other family its own instance)',
      ],
    ],
    [
      'instances:\n  - vip:\n      vip: 10.0.0.1\n      interface: eth0\n      peer: [10.0.0.2, 10.0.0.3]\n      alb: alb-demo\n',
      [
        'alive.yaml line 6: instances[0].vip.alb: still names ALB2 "alb-demo"; a host is given ipvs.ips, which keepalived-hosts renders',
      ],
    ],
  ])('refuses %j, saying why', (text, reasons) => {
    expect(hostFileFrom(text, 'alive')).toEqual({ refused: reasons });
  });
});

describe('keepalived.conf for hosts without the image', () => {
  const onThisMachine = guideAlive.replaceAll('interface: eth0', `interface: ${machineInterface()}`);

  it("renders one keepalived accepts, for the group and for one host's addresses", () => {
    for (const host of [undefined, ['192.168.128.75', '2004::192:168:128:75']]) {
      const file = hostFileFrom(onThisMachine, 'keepalived.conf', host);
      if (!('content' in file)) throw new Error(file.refused.join('\n'));
      expect(file.content).toContain('real_server 192.168.143.192 80 {');
      expect(configTest(file.content)).toEqual({ status: 0, output: '' });
    }
  });

  it('refuses a host that is no peer, naming the instances', () => {
    expect(hostFileFrom(onThisMachine, 'keepalived.conf', ['192.168.128.9'])).toEqual({
      refused: [
        "alive.yaml line 11: instances[0].vip.peer: none of the host's addresses (192.168.128.9) is a peer of instances[0].vip",
        "alive.yaml line 40: instances[1].vip.peer: none of the host's addresses (192.168.128.9) is a peer of instances[1].vip",
      ],
    });
  });
});
