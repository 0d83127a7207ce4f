import { type Family, familyName } from '../net/address.js';
import { canonicalAddress, familyOf } from './backends.js';
import { CHECKERS, readFragment, topLevelKeywords } from './config-text.js';
import type { KeepalivedTemplate, TemplateInstance } from './read-template.js';
import {
  formatTemplatePath,
  type TemplatePath,
  type TemplateProblem,
  templateError,
} from './template-problem.js';

/** The guide: letters, digits and hyphens, not starting with a hyphen. */
const INSTANCE_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
/** A Linux interface name (at most 15 bytes) in the characters keepalived.conf takes as one word. */
const INTERFACE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,14}$/;

const at = (item: TemplateInstance, ...rest: (string | number)[]): TemplatePath => [...item.path, ...rest];

/** Addresses of a list field: bad ones and those of another family than the VIP's are problems. */
function addressListProblems(
  item: TemplateInstance,
  field: TemplatePath,
  addresses: readonly string[],
  family: Family | undefined,
  role: string,
): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  addresses.forEach((text, index) => {
    const path = [...field, index];
    const own = familyOf(text);
    if (own === undefined)
      out.push(templateError('InvalidIP', path, `${role} "${text}" is not an IP address`));
    else if (family !== undefined && own !== family) {
      out.push(
        templateError(
          'FamilyMismatch',
          path,
          `${role} ${text} is ${familyName(own)}, the VIP ${item.instance.vip} is ${familyName(family)}; an instance carries one family (give the other family its own instance)`,
        ),
      );
    }
  });
  return out;
}

function peerProblems(item: TemplateInstance, family: Family | undefined): TemplateProblem[] {
  const peers = item.instance.peer ?? [];
  const out = addressListProblems(item, at(item, 'peer'), peers, family, 'peer');
  if (family === undefined) return out;
  const own = new Set(peers.filter((p) => familyOf(p) === family).map((p) => canonicalAddress(p)));
  if (own.size < 2) {
    out.push(
      templateError(
        'TooFewPeers',
        at(item, 'peer'),
        `needs the addresses of at least two LB hosts of the VIP's family (${familyName(family)}), has ${own.size}`,
      ),
    );
  }
  return out;
}

function vrrpProblems(item: TemplateInstance): TemplateProblem[] {
  const { instance } = item;
  const out: TemplateProblem[] = [];
  if (instance.id !== undefined && (instance.id < 1 || instance.id > 255)) {
    out.push(templateError('InvalidVrid', at(item, 'id'), `id ${instance.id} is not a VRRP router id 1-255`));
  }
  if (instance.name !== undefined && !INSTANCE_NAME.test(instance.name)) {
    out.push(
      templateError(
        'InvalidInstanceName',
        at(item, 'name'),
        `"${instance.name}" must hold only letters, digits and hyphens, and not start with a hyphen`,
      ),
    );
  }
  const iface = instance.interface?.trim() ?? '';
  if (!iface) {
    out.push(
      templateError(
        'InterfaceRequired',
        at(item, 'interface'),
        'is required: the interface that holds the VIP',
      ),
    );
  } else if (!INTERFACE_NAME.test(instance.interface ?? '')) {
    out.push(
      templateError(
        'InterfaceRequired',
        at(item, 'interface'),
        `"${instance.interface}" is not a network interface name`,
      ),
    );
  }
  for (const field of ['check_interval', 'check_timeout'] as const) {
    const value = instance[field];
    if (value !== undefined && !(value > 0)) {
      out.push(
        templateError(
          'InvalidCheckTiming',
          at(item, field),
          `must be a positive number of seconds, got ${value}`,
        ),
      );
    }
  }
  return out;
}

function portProblems(item: TemplateInstance): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  const seen = new Map<number, number>();
  (item.instance.ipvs?.ports ?? []).forEach((port, index) => {
    const path = at(item, 'ipvs', 'ports', index);
    const first = seen.get(port.port);
    if (first === undefined) seen.set(port.port, index);
    else {
      const other = formatTemplatePath(at(item, 'ipvs', 'ports', first));
      out.push(
        templateError(
          'DuplicatePort',
          [...path, 'port'],
          `port ${port.port} is already configured by ${other}`,
        ),
      );
    }
    out.push(...checkProblems(port.raw_check, [...path, 'raw_check']));
    if (port.virtual_server_config !== undefined) {
      const fragment = readFragment(port.virtual_server_config);
      const realServer = topLevelKeywords(fragment).includes('real_server');
      if (fragment.problem || realServer) {
        const why =
          fragment.problem ?? 'lists a real_server; the real servers are the backends, one per address';
        out.push(templateError('InvalidVirtualServerConfig', [...path, 'virtual_server_config'], why));
      }
    }
  });
  return out;
}

function checkProblems(rawCheck: string | undefined, path: TemplatePath): TemplateProblem[] {
  if (rawCheck === undefined || !rawCheck.trim()) {
    return [
      templateError(
        'HealthCheckRequired',
        path,
        'is required: the health check of each backend, e.g. "TCP_CHECK { connect_timeout 3 }"',
      ),
    ];
  }
  const fragment = readFragment(rawCheck);
  if (fragment.problem) return [templateError('InvalidHealthCheck', path, fragment.problem)];
  const opening = fragment.lines.filter((l) => l.depth === 0 && l.words[0] !== '}');
  const wrong = opening.find((l) => !CHECKERS.includes(l.words[0] ?? '') || l.words[1] !== '{');
  if (wrong) {
    return [
      templateError(
        'InvalidHealthCheck',
        path,
        `"${wrong.text}" does not open a health checker block (${CHECKERS.join(', ')}, each followed by "{")`,
      ),
    ];
  }
  return [];
}

function backendSourceProblems(item: TemplateInstance, family: Family | undefined): TemplateProblem[] {
  const { instance } = item;
  const ips = instance.ipvs?.ips;
  if (instance.alb !== undefined && ips !== undefined) {
    return [
      templateError(
        'ConflictingBackends',
        at(item, 'ipvs', 'ips'),
        `lists backends and the instance also names ALB2 "${instance.alb}", whose nodes are its backends; keep one`,
      ),
    ];
  }
  const out = addressListProblems(item, at(item, 'ipvs', 'ips'), ips ?? [], family, 'backend');
  const ports = instance.ipvs?.ports ?? [];
  if (instance.alb === undefined && (ips ?? []).length === 0 && ports.length > 0) {
    out.push(
      templateError(
        'NoBackends',
        at(item, 'ipvs'),
        'has ports but no backends: name the ALB2 whose nodes serve them (alb), or list ipvs.ips',
      ),
    );
  }
  return out;
}

/** A value seen on several instances: each later one is a problem naming the first. */
function duplicates<T>(
  items: readonly TemplateInstance[],
  keyOf: (item: TemplateInstance) => T | undefined,
  report: (item: TemplateInstance, first: TemplateInstance) => TemplateProblem,
): TemplateProblem[] {
  const first = new Map<T, TemplateInstance>();
  const out: TemplateProblem[] = [];
  for (const item of items) {
    const value = keyOf(item);
    if (value === undefined) continue;
    const earlier = first.get(value);
    if (earlier) out.push(report(item, earlier));
    else first.set(value, item);
  }
  return out;
}

function crossInstanceProblems(items: readonly TemplateInstance[]): TemplateProblem[] {
  const where = (item: TemplateInstance) => formatTemplatePath(item.path);
  const out = [
    ...duplicates(
      items,
      (item) => canonicalAddress(item.instance.vip),
      (item, first) =>
        templateError(
          'DuplicateVip',
          at(item, 'vip'),
          `VIP ${item.instance.vip} is already the VIP of ${where(first)}`,
        ),
    ),
    ...duplicates(
      items,
      (item) => item.instance.id,
      (item, first) =>
        templateError(
          'DuplicateVrid',
          at(item, 'id'),
          `id ${item.instance.id} is already the id of ${where(first)}`,
        ),
    ),
    ...duplicates(
      items,
      (item) => item.instance.name,
      (item, first) =>
        templateError(
          'DuplicateInstanceName',
          at(item, 'name'),
          `name "${item.instance.name}" is already used by ${where(first)}`,
        ),
    ),
  ];
  // A VIP moves between the LB hosts; it cannot also be a host's own address or a backend's.
  const holders = new Map<string, string>();
  for (const item of items) {
    for (const [field, list] of [
      ['peer', item.instance.peer ?? []],
      ['ipvs.ips', item.instance.ipvs?.ips ?? []],
    ] as const) {
      for (const text of list) {
        const address = canonicalAddress(text);
        if (address && !holders.has(address)) holders.set(address, `${where(item)}.${field}`);
      }
    }
  }
  for (const item of items) {
    const vip = canonicalAddress(item.instance.vip);
    const holder = vip && holders.get(vip);
    if (holder) {
      out.push(
        templateError(
          'VipConflict',
          at(item, 'vip'),
          `VIP ${item.instance.vip} is also an address of ${holder}`,
        ),
      );
    }
  }
  return out;
}

function instanceProblems(item: TemplateInstance): TemplateProblem[] {
  const family = familyOf(item.instance.vip);
  const vip =
    family === undefined
      ? [templateError('InvalidIP', at(item, 'vip'), `VIP "${item.instance.vip}" is not an IP address`)]
      : [];
  return [
    ...vip,
    ...vrrpProblems(item),
    ...peerProblems(item, family),
    ...backendSourceProblems(item, family),
    ...portProblems(item),
  ];
}

/**
 * Everything a template can get wrong on its own, without the cluster: instance by instance, then
 * across instances. Each problem names its field and, when the template came from text, its line.
 */
export function templateProblems(template: KeepalivedTemplate): TemplateProblem[] {
  const problems = [
    ...template.instances.flatMap(instanceProblems),
    ...crossInstanceProblems(template.instances),
  ];
  return problems.map((p) => ({ ...p, line: template.lineOf(p.path) }));
}
