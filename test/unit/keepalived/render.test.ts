import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parse } from 'yaml';
import { normalizeBackends } from '../../../shared/keepalived/backends.js';
import { templateProblems } from '../../../shared/keepalived/problems.js';
import {
  type KeepalivedTemplate,
  readTemplate,
  templateOf,
} from '../../../shared/keepalived/read-template.js';
import { renderAliveYaml } from '../../../shared/keepalived/render-alive.js';
import {
  keepalivedConfProblems,
  renderKeepalivedConf,
} from '../../../shared/keepalived/render-keepalived-conf.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/keepalived/templates');
const guideText = readFileSync(path.join(fixtures, 'guide.yaml'), 'utf8');

function read(text: string): KeepalivedTemplate {
  const reading = readTemplate(text);
  if (!reading.template) throw new Error(JSON.stringify(reading.problems));
  return reading.template;
}

describe('reading a template', () => {
  it("reads the guide's instances without a problem", () => {
    const template = read(guideText);
    expect(template.instances.map((i) => i.instance.vip)).toEqual([
      '192.168.128.118',
      '2004::192:168:128:118',
    ]);
    expect(templateProblems(template)).toEqual([]);
  });

  it('reads an instance nested and flat alike, each path pointing at its own fields', () => {
    const nested = read(
      'instances:\n  - vip:\n      vip: 10.0.0.1\n      id: 3\n      peer: [10.0.0.2, 10.0.0.3]\n',
    );
    const flat = read('instances:\n  - vip: 10.0.0.1\n    id: 3\n    peer: [10.0.0.2, 10.0.0.3]\n');
    expect(flat.instances[0]?.instance).toEqual(nested.instances[0]?.instance);
    expect(nested.instances[0]?.path).toEqual(['instances', 0, 'vip']);
    expect(flat.instances[0]?.path).toEqual(['instances', 0]);
    expect(nested.lineOf(['instances', 0, 'vip', 'id'])).toBe(4);
    expect(flat.lineOf(['instances', 0, 'id'])).toBe(3);
  });

  it('names the line of a problem in a field that is missing by its instance', () => {
    const reading = readTemplate('instances:\n  - vip:\n      id: 3\n');
    expect(reading.problems).toEqual([
      {
        severity: 'error',
        code: 'InvalidKeepalivedTemplate',
        path: ['instances', 0, 'vip', 'vip'],
        line: 3,
        message: 'Invalid input: expected string, received undefined',
      },
    ]);
  });

  it('refuses what is not a template: empty text, a list, a scalar', () => {
    for (const text of ['', '- vip: 10.0.0.1\n', 'hello\n']) {
      const reading = readTemplate(text);
      expect(reading.template).toBeUndefined();
      expect(reading.problems[0]?.code).toBe('InvalidKeepalivedTemplate');
    }
  });
});

describe('alive.yaml', () => {
  it("renders the guide's instances as the guide writes them, nested, keys in the guide's order", () => {
    expect(renderAliveYaml(read(guideText))).toBe(
      readFileSync(path.join(fixtures, 'guide.alive.yaml'), 'utf8'),
    );
  });

  it('is read back as the same instances, the backends replacing alb', () => {
    const template = read(
      guideText.replace('ips: [ "192.168.143.192", "192.168.138.100", "192.168.129.100" ]', 'ips: []'),
    );
    const withAlb = templateOf(
      template.instances.map(({ instance }) => {
        const { ipvs, ...rest } = instance;
        return { ...rest, alb: 'alb-demo', ipvs: { ports: ipvs?.ports ?? [] } };
      }),
    );
    const backends = new Map([['vip-1', ['192.168.138.100', '192.168.129.100']]]);
    const rendered = renderAliveYaml(withAlb, backends);
    expect(rendered).not.toContain('alb:');
    const again = read(rendered);
    expect(again.instances[0]?.instance.ipvs?.ips).toEqual(['192.168.129.100', '192.168.138.100']);
    expect(again.instances[1]?.instance.ipvs?.ips).toEqual([]);
    expect(renderAliveYaml(again)).toBe(rendered);
  });

  it('is parsed by a YAML reader into instances[].vip with every field of the guide', () => {
    const parsed = parse(renderAliveYaml(read(guideText))) as {
      instances: { vip: Record<string, unknown> }[];
    };
    expect(Object.keys(parsed.instances[0]?.vip ?? {})).toEqual([
      'vip',
      'id',
      'interface',
      'check_interval',
      'check_timeout',
      'name',
      'peer',
      'kube_lock',
      'ipvs',
    ]);
    expect(parsed.instances[0]?.vip['ipvs']).toEqual({
      ips: ['192.168.129.100', '192.168.138.100', '192.168.143.192'],
      ports: [
        {
          port: 80,
          virtual_server_config:
            'delay_loop 10 # 对真实服务器执行健康检查的间隔\nlb_algo rr\nlb_kind NAT\nprotocol TCP\n',
          raw_check: 'TCP_CHECK {\n  connect_timeout 10\n  connect_port 1936\n}\n',
        },
      ],
    });
  });

  it('is the same text whatever the order and repetition of the backends (property)', () => {
    const template = read(guideText);
    const pool = ['192.168.129.100', '192.168.138.100', '192.168.143.192', '10.0.0.9', '2004::1'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 12 }), (addresses) => {
        const shuffled = [...addresses].reverse();
        const a = renderAliveYaml(template, new Map([['vip-1', addresses]]));
        const b = renderAliveYaml(template, new Map([['vip-1', [...shuffled, ...addresses]]]));
        expect(a).toBe(b);
        expect(read(a).instances[0]?.instance.ipvs?.ips).toEqual(normalizeBackends(addresses, 4));
      }),
    );
  });
});

describe('keepalived.conf', () => {
  it('needs an id per instance, and a host among the peers', () => {
    const template = templateOf([{ vip: '10.0.0.10', interface: 'eth0', peer: ['10.0.0.1', '10.0.0.2'] }]);
    expect(keepalivedConfProblems(template, { host: ['10.0.0.3'] }).map((p) => [p.code, p.message])).toEqual([
      ['InvalidVrid', 'is required in keepalived.conf: the virtual_router_id 1-255'],
      ['TooFewPeers', "none of the host's addresses (10.0.0.3) is a peer of instances[0].vip"],
    ]);
    expect(() => renderKeepalivedConf(template)).toThrow(
      'instances[0].vip.id: is required in keepalived.conf',
    );
  });

  it('keeps each instance to its VIP family and lists the backends in address order', () => {
    const template = templateOf([
      {
        vip: '10.0.0.10',
        id: 1,
        interface: 'eth0',
        peer: ['10.0.0.1', '10.0.0.2', '10.0.0.1'],
        ipvs: {
          ips: ['10.0.1.2', '10.0.1.1', '10.0.1.2'],
          ports: [{ port: 80, raw_check: 'TCP_CHECK {\n}\n' }],
        },
      },
    ]);
    const conf = renderKeepalivedConf(template, undefined, { host: ['10.0.0.2', 'fd00::2'] });
    expect(conf).toContain('  unicast_src_ip 10.0.0.2\n  unicast_peer {\n    10.0.0.1\n  }\n');
    expect(conf.match(/real_server \S+/g)).toEqual(['real_server 10.0.1.1', 'real_server 10.0.1.2']);
    expect(renderKeepalivedConf(template, undefined, { host: ['10.0.0.2'] })).toBe(
      conf.replace(', fd00::2', ''),
    );
  });
});
