import {
  AUTO_ROUTE,
  AZ_NAME,
  DEFAULT_IC_NB_PORT,
  DEFAULT_IC_SB_PORT,
  ENABLE_IC,
  GW_NODES,
  IC_DB_HOST,
  IC_NB_PORT,
  IC_SB_PORT,
  isConnected,
  listSetting,
  portSetting,
} from '../../../shared/interconnect/ic-config.js';
import { readZonesState, zoneNames } from '../../../shared/interconnect/zones-state.js';
import { IC_CONFIG_NAME, IC_CONFIG_NAMESPACE, IC_ZONES_NAME } from '../../../shared/kube/keys/kubeovn.js';
import { CONFIG_MAP, type ConfigMap } from '../../../shared/kube/schemas/core.js';
import { NODE } from '../../../shared/kube/schemas/workloads.js';
import { isIpAddress } from '../../../shared/net/address.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'kubeovn/interconnect-config';
const ZONES = `ConfigMap ${IC_CONFIG_NAMESPACE}/${IC_ZONES_NAME}`;
const field = (key: string) => `data["${key}"]`;

export function isInterconnectConfig(configMap: ConfigMap): boolean {
  return configMap.metadata.namespace === IC_CONFIG_NAMESPACE && configMap.metadata.name === IC_CONFIG_NAME;
}

function required(config: ConfigMap): Finding[] {
  const keys = isConnected(config) ? [AZ_NAME, IC_DB_HOST, GW_NODES] : [AZ_NAME];
  return keys
    .filter((key) => (config.data?.[key] ?? '').trim() === '')
    .map((key) =>
      deny(
        RULE,
        field(key),
        `is required${key === AZ_NAME ? '' : ' while enable-ic is "true"'}`,
        'InterconnectSettingRequired',
      ),
    );
}

function booleans(config: ConfigMap): Finding[] {
  return [ENABLE_IC, AUTO_ROUTE].flatMap((key) => {
    const value = config.data?.[key];
    if (value === undefined || value === 'true' || value === 'false') return [];
    return [
      deny(RULE, field(key), `must be "true" or "false", got ${JSON.stringify(value)}`, 'InvalidBoolean'),
    ];
  });
}

function addresses(config: ConfigMap): Finding[] {
  return listSetting(config, IC_DB_HOST)
    .filter((host) => !isIpAddress(host))
    .map((host) =>
      deny(
        RULE,
        field(IC_DB_HOST),
        `${JSON.stringify(host)} is not an IP address (ic-db-host lists the addresses of the nodes the interconnect databases run on, comma-separated)`,
        'InvalidAddress',
      ),
    );
}

function ports(config: ConfigMap): Finding[] {
  return [
    [IC_NB_PORT, DEFAULT_IC_NB_PORT],
    [IC_SB_PORT, DEFAULT_IC_SB_PORT],
  ].flatMap(([key, fallback]) =>
    portSetting(config, key!, fallback!) === undefined
      ? [
          deny(
            RULE,
            field(key!),
            `must be a port from 1 to 65535, got ${JSON.stringify(config.data?.[key!])}`,
            'InvalidPort',
          ),
        ]
      : [],
  );
}

function gatewayNodes(ctx: AdmissionContext<ConfigMap>): Finding[] {
  return listSetting(ctx.object, GW_NODES)
    .filter((name) => ctx.view.get(NODE, '', name) === undefined)
    .map((name) =>
      warn(
        RULE,
        field(GW_NODES),
        `Node ${name} does not exist (yet); a gateway node must be a node of this cluster`,
        'NodeNotFound',
        `Node ${name}`,
      ),
    );
}

/** Whether the zone is this cluster's: it was connected under that name before the update. */
function ownZone(ctx: AdmissionContext<ConfigMap>, zone: string): boolean {
  const old = ctx.oldObject;
  return (
    ctx.operation === 'UPDATE' &&
    old !== undefined &&
    isConnected(old) &&
    old.data?.[AZ_NAME]?.trim() === zone
  );
}

/** The zone names of the IC database as the interconnect-cidrs function last heard of them. */
function zoneTaken(ctx: AdmissionContext<ConfigMap>): Finding[] {
  const zone = ctx.object.data?.[AZ_NAME]?.trim();
  if (!zone || !isConnected(ctx.object) || ownZone(ctx, zone)) return [];
  const zones = ctx.view.get(CONFIG_MAP, IC_CONFIG_NAMESPACE, IC_ZONES_NAME);
  if (!zones) {
    return [
      warn(
        RULE,
        field(AZ_NAME),
        `whether availability zone ${zone} is free in the interconnect database is not known: ${ZONES}, which the interconnect-cidrs function keeps from the database, does not exist (yet)`,
        'ZonesUnknown',
      ),
    ];
  }
  if (!zoneNames(readZonesState(zones.data)).includes(zone)) return [];
  return [
    deny(
      RULE,
      field(AZ_NAME),
      `availability zone ${zone} already exists in the interconnect southbound database: another cluster is connected under that name, or a cluster that was deleted without leaving left it behind (remove it with acpnet interconnect clean --az ${zone})`,
      'ZoneNameTaken',
      `availability zone ${zone} (${ZONES})`,
    ),
  ];
}

function check(ctx: AdmissionContext<ConfigMap>): Finding[] {
  if (!isInterconnectConfig(ctx.object)) return [];
  const config = ctx.object;
  return [
    ...required(config),
    ...booleans(config),
    ...addresses(config),
    ...ports(config),
    ...gatewayNodes(ctx),
    ...zoneTaken(ctx),
  ];
}

/**
 * Kube-OVN's kube-system/ovn-ic-config: an availability zone name no other zone of the interconnect
 * has, the IC databases' addresses and ports, gateway nodes of this cluster, and boolean switches.
 */
export const interconnectConfigRule: ValidationRule<ConfigMap> = {
  id: RULE,
  kinds: [CONFIG_MAP],
  reasons: [
    'InterconnectSettingRequired',
    'InvalidBoolean',
    'InvalidAddress',
    'InvalidPort',
    'NodeNotFound',
    'ZonesUnknown',
    'ZoneNameTaken',
  ],
  guide: '加入集群互联',
  check,
};
