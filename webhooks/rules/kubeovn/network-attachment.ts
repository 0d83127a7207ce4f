import { NETWORK_ATTACHMENT_DEFINITION } from '../../../shared/kube/schemas/workloads.js';
import { nameOf, objectField, objectList, specOf, stringField } from '../../../shared/kube/spec-fields.js';
import { isIpAddress } from '../../../shared/net/address.js';
import { parseCidr } from '../../../shared/net/cidr.js';
import { NetParseError } from '../../../shared/net/errors.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'kubeovn/network-attachment';
const FIELD = 'spec.config';

type Json = Record<string, unknown>;

function checkRoutes(plugin: Json, where: string): Finding[] {
  const out: Finding[] = [];
  const lists = [
    { routes: objectList(plugin, 'routes'), path: `${where}routes` },
    { routes: objectList(objectField(plugin, 'ipam') ?? {}, 'routes'), path: `${where}ipam.routes` },
  ];
  for (const { routes, path } of lists) {
    routes.forEach((route, i) => {
      const dst = stringField(route, 'dst') ?? '';
      try {
        parseCidr(dst);
      } catch (error) {
        if (!(error instanceof NetParseError)) throw error;
        out.push(
          deny(RULE, FIELD, `${path}[${i}].dst ${JSON.stringify(dst)}: ${error.reason}`, 'InvalidRoute'),
        );
      }
      const gw = route['gw'];
      if (gw !== undefined && (typeof gw !== 'string' || !isIpAddress(gw))) {
        out.push(
          deny(RULE, FIELD, `${path}[${i}].gw ${JSON.stringify(gw)} is not an IP address`, 'InvalidRoute'),
        );
      }
    });
  }
  return out;
}

/** Kube-OVN's provider conventions for its own CNI and for its IPAM under macvlan (the guide's examples). */
function checkPlugin(plugin: Json, where: string, name: string, namespace: string): Finding[] {
  const out: Finding[] = [];
  const type = stringField(plugin, 'type');
  const ipam = objectField(plugin, 'ipam');
  if (type === 'kube-ovn') {
    const expected = `${name}.${namespace}.ovn`;
    const provider = stringField(plugin, 'provider');
    if (provider !== expected) {
      out.push(
        deny(
          RULE,
          FIELD,
          `${where}provider is ${JSON.stringify(provider ?? '')}; a kube-ovn attachment needs "${expected}"`,
          'ProviderMismatch',
        ),
      );
    }
  }
  if (ipam && stringField(ipam, 'type') === 'kube-ovn' && type !== 'kube-ovn') {
    const expected = `${name}.${namespace}`;
    const provider = stringField(ipam, 'provider');
    if (provider !== expected) {
      out.push(
        deny(
          RULE,
          FIELD,
          `${where}ipam.provider is ${JSON.stringify(provider ?? '')}; Kube-OVN IPAM needs "${expected}"`,
          'ProviderMismatch',
        ),
      );
    }
    if (type === 'macvlan' && !stringField(plugin, 'master')) {
      out.push(deny(RULE, FIELD, `${where}master is required for macvlan with Kube-OVN IPAM`));
    }
  }
  return [...out, ...checkRoutes(plugin, where)];
}

function check(ctx: AdmissionContext): Finding[] {
  const config = stringField(specOf(ctx.object), 'config');
  if (config === undefined || config.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(config);
  } catch (error) {
    return [deny(RULE, FIELD, `config is not valid JSON: ${(error as Error).message}`, 'InvalidConfig')];
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return [deny(RULE, FIELD, 'config must be a JSON object', 'InvalidConfig')];
  }
  const name = nameOf(ctx.object);
  const namespace = ctx.object.metadata.namespace ?? '';
  const plugins = objectList(parsed as Json, 'plugins');
  if (plugins.length === 0) return checkPlugin(parsed as Json, '', name, namespace);
  return plugins.flatMap((plugin, i) => checkPlugin(plugin, `plugins[${i}].`, name, namespace));
}

export const networkAttachmentRule: ValidationRule = {
  id: RULE,
  kinds: [NETWORK_ATTACHMENT_DEFINITION],
  check,
};
