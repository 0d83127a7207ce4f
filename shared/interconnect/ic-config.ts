/**
 * Kube-OVN's kube-system/ovn-ic-config, as its controller reads it: whether the cluster is in the
 * interconnect (`enable-ic`), as which availability zone (`az-name`), where the IC databases are
 * (`ic-db-host`, one or more addresses; `ic-nb-port`, `ic-sb-port`), its gateway nodes (`gw-nodes`)
 * and whether routes are exchanged (`auto-route`).
 */
import type { ConfigMap } from '../kube/schemas/core.js';

export const ENABLE_IC = 'enable-ic';
export const AZ_NAME = 'az-name';
export const IC_DB_HOST = 'ic-db-host';
export const IC_NB_PORT = 'ic-nb-port';
export const IC_SB_PORT = 'ic-sb-port';
export const GW_NODES = 'gw-nodes';
export const AUTO_ROUTE = 'auto-route';

/** Kube-OVN's defaults, and the guide's. */
export const DEFAULT_IC_NB_PORT = '6645';
export const DEFAULT_IC_SB_PORT = '6646';

/** The comma-separated entries of a setting, trimmed, empty ones dropped. */
export function listSetting(config: ConfigMap | undefined, key: string): string[] {
  return (config?.data?.[key] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Whether the ConfigMap holds the cluster in the interconnect. */
export function isConnected(config: ConfigMap | undefined): boolean {
  return config?.data?.[ENABLE_IC] === 'true';
}

/** A port setting as a number, or undefined when it is not a whole number from 1 to 65535. */
export function portSetting(
  config: ConfigMap | undefined,
  key: string,
  fallback: string,
): number | undefined {
  const text = (config?.data?.[key] ?? fallback).trim();
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  return port >= 1 && port <= 65535 ? port : undefined;
}

/**
 * The IC southbound database as an OVSDB remote, `tcp:[HOST]:PORT,...` as Kube-OVN writes it for
 * ovn-ic; undefined when the ConfigMap names no host or its port is not one.
 */
export function icSouthboundRemote(config: ConfigMap | undefined): string | undefined {
  const hosts = listSetting(config, IC_DB_HOST);
  const port = portSetting(config, IC_SB_PORT, DEFAULT_IC_SB_PORT);
  if (hosts.length === 0 || port === undefined) return undefined;
  return hosts.map((host) => `tcp:[${host}]:${port}`).join(',');
}
