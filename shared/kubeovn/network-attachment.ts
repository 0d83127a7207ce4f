import { isPlainObject, type JsonObject } from '../kube/json-value.js';

/** A NetworkAttachmentDefinition, by namespace and name. */
export interface AttachmentRef {
  namespace: string;
  name: string;
}

/** The provider a `kube-ovn` CNI plugin of attachment `ref` must declare. */
export function kubeOvnCniProvider(ref: AttachmentRef): string {
  return `${ref.name}.${ref.namespace}.ovn`;
}

/** The provider Kube-OVN IPAM under another CNI plugin (macvlan...) of attachment `ref` must declare. */
export function kubeOvnIpamProvider(ref: AttachmentRef): string {
  return `${ref.name}.${ref.namespace}`;
}

/** `<nad>.<namespace>` or `<nad>.<namespace>.ovn` -> the NetworkAttachmentDefinition it names. */
export function providerAttachment(provider: string): AttachmentRef | undefined {
  const parts = provider.split('.');
  if (parts.length === 3 && parts[2] === 'ovn') parts.pop();
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { name: parts[0], namespace: parts[1] };
}

/** A route of a CNI config: `dst` when it is a string; `gw` as written, whatever JSON it holds. */
export interface CniRoute {
  dst: string | undefined;
  gw: unknown;
}

export interface CniIpam {
  type: string | undefined;
  provider: string | undefined;
  routes: CniRoute[];
}

/** The fields of one CNI plugin Kube-OVN's conventions concern; fields of the wrong type read as absent. */
export interface CniPlugin {
  type: string | undefined;
  provider: string | undefined;
  master: string | undefined;
  ipam: CniIpam | undefined;
  routes: CniRoute[];
}

/** A config is a single plugin, or a `plugins` list (conflist) when it has plugin objects. */
export interface AttachmentConfig {
  listed: boolean;
  plugins: CniPlugin[];
}

export type ParsedAttachmentConfig = { ok: true; config: AttachmentConfig } | { ok: false; problem: string };

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const objects = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isPlainObject) : []);

function routesOf(owner: JsonObject): CniRoute[] {
  return objects(owner['routes']).map((route) => ({ dst: text(route['dst']), gw: route['gw'] }));
}

function ipamOf(value: unknown): CniIpam | undefined {
  if (!isPlainObject(value)) return undefined;
  return { type: text(value['type']), provider: text(value['provider']), routes: routesOf(value) };
}

function pluginOf(plugin: JsonObject): CniPlugin {
  return {
    type: text(plugin['type']),
    provider: text(plugin['provider']),
    master: text(plugin['master']),
    ipam: ipamOf(plugin['ipam']),
    routes: routesOf(plugin),
  };
}

/** `spec.config` of a NetworkAttachmentDefinition: JSON of one CNI plugin or of a plugin list. */
export function parseAttachmentConfig(config: string): ParsedAttachmentConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(config);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `config is not valid JSON: ${reason}` };
  }
  if (!isPlainObject(parsed)) return { ok: false, problem: 'config must be a JSON object' };
  const plugins = objects(parsed['plugins']);
  return plugins.length === 0
    ? { ok: true, config: { listed: false, plugins: [pluginOf(parsed)] } }
    : { ok: true, config: { listed: true, plugins: plugins.map(pluginOf) } };
}
