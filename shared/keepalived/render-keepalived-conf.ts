import type { Family } from '../net/address.js';
import {
  type BackendsByInstance,
  backendsOf,
  canonicalAddress,
  familyOf,
  normalizeBackends,
} from './backends.js';
import { indentFragment, readFragment, topLevelKeywords } from './config-text.js';
import type { KeepalivedTemplate, TemplateInstance } from './read-template.js';
import { DEFAULT_CHECK_INTERVAL, DEFAULT_CHECK_TIMEOUT, type KeepalivedInstance } from './schema.js';
import { formatTemplatePath, type TemplateProblem, templateError } from './template-problem.js';

export interface KeepalivedConfOptions {
  /**
   * The addresses of the LB host the file is for. Without them the file serves every host of the
   * group through keepalived's conditional configuration: each host runs `keepalived -i <its peer
   * address>`, which keeps its own address as unicast_src_ip and out of its unicast_peer list.
   */
  host?: readonly string[];
}

/** Every LB host starts as BACKUP with the same priority; VRRP elects one, and nopreempt keeps it. */
const PRIORITY = 100;

/**
 * virtual_server settings a port's virtual_server_config may leave out, with the guide's values.
 * keepalived would otherwise warn and fall back to protocol UDP and the wlc scheduler.
 */
const VIRTUAL_SERVER_DEFAULTS: readonly (readonly [string, string])[] = [
  ['lb_algo', 'rr'],
  ['lb_kind', 'NAT'],
  ['protocol', 'TCP'],
];

/** A vrrp_instance name: the instance's, or one made from its VIP. */
export function vrrpInstanceName(instance: KeepalivedInstance): string {
  return instance.name ?? `vip-${instance.vip.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** The peers of the VIP's family, each once, as written. */
function familyPeers(instance: KeepalivedInstance, family: Family): string[] {
  const seen = new Set<string>();
  return (instance.peer ?? []).filter((peer) => {
    const canonical = canonicalAddress(peer);
    if (familyOf(peer) !== family || canonical === undefined || seen.has(canonical)) return false;
    seen.add(canonical);
    return true;
  });
}

function hostAddresses(options: KeepalivedConfOptions): Set<string> | undefined {
  if (options.host === undefined) return undefined;
  return new Set(options.host.map((a) => canonicalAddress(a)).filter((a) => a !== undefined));
}

/**
 * What keepalived.conf needs beyond a valid template: a virtual_router_id for every instance, and,
 * when the file is for one host, that host among each instance's peers.
 */
export function keepalivedConfProblems(
  template: KeepalivedTemplate,
  options: KeepalivedConfOptions = {},
): TemplateProblem[] {
  const host = hostAddresses(options);
  const out: TemplateProblem[] = [];
  for (const item of template.instances) {
    const { instance, path } = item;
    if (instance.id === undefined) {
      out.push(
        templateError(
          'InvalidVrid',
          [...path, 'id'],
          'is required in keepalived.conf: the virtual_router_id 1-255',
        ),
      );
    }
    const family = familyOf(instance.vip);
    if (
      host &&
      family !== undefined &&
      !familyPeers(instance, family).some((p) => host.has(canonicalAddress(p) ?? ''))
    ) {
      out.push(
        templateError(
          'TooFewPeers',
          [...path, 'peer'],
          `none of the host's addresses (${options.host?.join(', ')}) is a peer of ${formatTemplatePath(path)}`,
        ),
      );
    }
  }
  return out.map((p) => ({ ...p, line: template.lineOf(p.path) }));
}

function vrrpBlock(instance: KeepalivedInstance, family: Family, host: Set<string> | undefined): string[] {
  const peers = familyPeers(instance, family);
  const lines = [
    `vrrp_instance ${vrrpInstanceName(instance)} {`,
    '  state BACKUP',
    `  interface ${instance.interface}`,
    `  virtual_router_id ${instance.id}`,
    `  priority ${PRIORITY}`,
    '  nopreempt',
  ];
  if (host) {
    const own = peers.filter((p) => host.has(canonicalAddress(p) ?? ''));
    for (const p of own.slice(0, 1)) lines.push(`  unicast_src_ip ${p}`);
    lines.push('  unicast_peer {', ...peers.filter((p) => !own.includes(p)).map((p) => `    ${p}`), '  }');
  } else {
    for (const p of peers) lines.push(`  @${p} unicast_src_ip ${p}`);
    lines.push('  unicast_peer {', ...peers.map((p) => `    @^${p} ${p}`), '  }');
  }
  lines.push('  virtual_ipaddress {', `    ${instance.vip}`, '  }', '}');
  return lines;
}

function virtualServerBlocks(instance: KeepalivedInstance, backends: readonly string[]): string[][] {
  const interval = instance.check_interval ?? DEFAULT_CHECK_INTERVAL;
  const timeout = instance.check_timeout ?? DEFAULT_CHECK_TIMEOUT;
  return (instance.ipvs?.ports ?? []).map((port) => {
    const config = readFragment(port.virtual_server_config ?? '');
    const check = readFragment(port.raw_check ?? '');
    const lines = [`virtual_server ${instance.vip} ${port.port} {`];
    const set = topLevelKeywords(config);
    for (const [keyword, value] of [['delay_loop', String(interval)] as const, ...VIRTUAL_SERVER_DEFAULTS]) {
      if (!set.includes(keyword)) lines.push(`  ${keyword} ${value}`);
    }
    lines.push(...indentFragment(config, 1));
    for (const backend of backends) {
      lines.push(`  real_server ${backend} ${port.port} {`, ...indentFragment(check, 2, timeout), '  }');
    }
    lines.push('}');
    return lines;
  });
}

function instanceBlocks(
  item: TemplateInstance,
  backends: BackendsByInstance | undefined,
  host: Set<string> | undefined,
) {
  const { instance } = item;
  const family = familyOf(instance.vip);
  if (family === undefined)
    throw new Error(`${formatTemplatePath(item.path)}: VIP "${instance.vip}" is not an IP address`);
  const real = normalizeBackends(backendsOf(instance, backends), family);
  return [vrrpBlock(instance, family, host), ...virtualServerBlocks(instance, real)];
}

/**
 * A plain keepalived.conf for LB hosts without the platform's image: per instance one vrrp_instance
 * holding the VIP (its own instance, so each carries one address family, as VRRP requires; IPv6
 * ones run VRRP version 3 by themselves), and per port one virtual_server with a real_server per
 * backend and the port's health check. kube_lock has no counterpart: VRRP alone elects the holder.
 * The template must be free of `templateProblems` and `keepalivedConfProblems`.
 */
export function renderKeepalivedConf(
  template: KeepalivedTemplate,
  backends?: BackendsByInstance,
  options: KeepalivedConfOptions = {},
): string {
  const unusable = keepalivedConfProblems(template, options)[0];
  if (unusable) throw new Error(`${formatTemplatePath(unusable.path)}: ${unusable.message}`);
  const host = hostAddresses(options);
  const header = [
    '# keepalived.conf rendered by acpnet from a keepalived template; it is rewritten whole, so edits here are lost.',
    host
      ? `# For the LB host with the addresses ${options.host?.join(', ')}.`
      : "# One file for every LB host of the group: run keepalived with -i <the host's address in peer>.",
  ];
  const blocks = template.instances.flatMap((item) => instanceBlocks(item, backends, host));
  return `${[header, ...blocks].map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
