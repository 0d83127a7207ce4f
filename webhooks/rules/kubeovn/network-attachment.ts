import {
  NETWORK_ATTACHMENT_DEFINITION,
  type NetworkAttachmentDefinition,
} from '../../../shared/kube/schemas/workloads.js';
import {
  type AttachmentRef,
  type CniPlugin,
  type CniRoute,
  kubeOvnCniProvider,
  kubeOvnIpamProvider,
  parseAttachmentConfig,
} from '../../../shared/kubeovn/network-attachment.js';
import { isIpAddress } from '../../../shared/net/address.js';
import { parseCidr } from '../../../shared/net/cidr.js';
import { NetParseError } from '../../../shared/net/errors.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'kubeovn/network-attachment';
const FIELD = 'spec.config';

function checkRoutes(routes: readonly CniRoute[], path: string): Finding[] {
  const out: Finding[] = [];
  routes.forEach((route, i) => {
    const dst = route.dst ?? '';
    try {
      parseCidr(dst);
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      out.push(
        deny(RULE, FIELD, `${path}[${i}].dst ${JSON.stringify(dst)}: ${error.reason}`, 'InvalidRoute'),
      );
    }
    const gw = route.gw;
    if (gw !== undefined && (typeof gw !== 'string' || !isIpAddress(gw))) {
      out.push(
        deny(RULE, FIELD, `${path}[${i}].gw ${JSON.stringify(gw)} is not an IP address`, 'InvalidRoute'),
      );
    }
  });
  return out;
}

/** Kube-OVN's provider conventions for its own CNI and for its IPAM under macvlan (the guide's examples). */
function checkPlugin(plugin: CniPlugin, where: string, attachment: AttachmentRef): Finding[] {
  const out: Finding[] = [];
  const { type, ipam } = plugin;
  if (type === 'kube-ovn') {
    const expected = kubeOvnCniProvider(attachment);
    if (plugin.provider !== expected) {
      out.push(
        deny(
          RULE,
          FIELD,
          `${where}provider is ${JSON.stringify(plugin.provider ?? '')}; a kube-ovn attachment needs "${expected}"`,
          'ProviderMismatch',
        ),
      );
    }
  }
  if (ipam && ipam.type === 'kube-ovn' && type !== 'kube-ovn') {
    const expected = kubeOvnIpamProvider(attachment);
    if (ipam.provider !== expected) {
      out.push(
        deny(
          RULE,
          FIELD,
          `${where}ipam.provider is ${JSON.stringify(ipam.provider ?? '')}; Kube-OVN IPAM needs "${expected}"`,
          'ProviderMismatch',
        ),
      );
    }
    if (type === 'macvlan' && !plugin.master) {
      out.push(deny(RULE, FIELD, `${where}master is required for macvlan with Kube-OVN IPAM`));
    }
  }
  return [
    ...out,
    ...checkRoutes(plugin.routes, `${where}routes`),
    ...checkRoutes(ipam?.routes ?? [], `${where}ipam.routes`),
  ];
}

function check(ctx: AdmissionContext<NetworkAttachmentDefinition>): Finding[] {
  const config = ctx.object.spec?.config;
  if (config === undefined || config.trim() === '') return [];
  const parsed = parseAttachmentConfig(config);
  if (!parsed.ok) return [deny(RULE, FIELD, parsed.problem, 'InvalidConfig')];
  const attachment = { name: ctx.object.metadata.name ?? '', namespace: ctx.object.metadata.namespace ?? '' };
  const { listed, plugins } = parsed.config;
  return plugins.flatMap((plugin, i) => checkPlugin(plugin, listed ? `plugins[${i}].` : '', attachment));
}

export const networkAttachmentRule: ValidationRule<NetworkAttachmentDefinition> = {
  id: RULE,
  kinds: [NETWORK_ATTACHMENT_DEFINITION],
  reasons: ['InvalidRoute', 'ProviderMismatch', 'InvalidConfig'],
  guide: '配置 Kube-OVN 网络以支持 Pod 多网卡 (Alpha)',
  check,
};
