import { KubeConfig } from '@kubernetes/client-node';
import { connectedZoneRefusal } from '../shared/interconnect/connected-zone.js';
import { isPlainObject } from '../shared/kube/json-value.js';
import { IC_CONFIG_NAME, IC_CONFIG_NAMESPACE } from '../shared/kube/keys/kubeovn.js';
import { kubeConfigTransport } from '../shared/kube/kube-store/transport.js';
import type { KubeObject } from '../shared/kube/object.js';
import { CONFIG_MAP, type ConfigMap } from '../shared/kube/schemas/core.js';
import { UnusableInputError } from './input-error.js';

/** The cluster could not answer: exit 2, like an unreachable database. */
export class KubeUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeUnreachableError';
  }
}

export interface InterconnectConfig {
  /** The API server asked. */
  server: string;
  /** kube-system/ovn-ic-config, or undefined when the cluster has none. */
  configMap: ConfigMap | undefined;
}

/** Reads kube-system/ovn-ic-config from the cluster the kubeconfig names. */
export async function readInterconnectConfig(
  kubeconfig: string,
  timeoutMs: number,
): Promise<InterconnectConfig> {
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromFile(kubeconfig);
  } catch (error) {
    throw new UnusableInputError([`--kubeconfig ${kubeconfig}: ${(error as Error).message}`]);
  }
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) throw new UnusableInputError([`--kubeconfig ${kubeconfig}: no current cluster`]);
  const path = `/api/v1/namespaces/${IC_CONFIG_NAMESPACE}/configmaps/${IC_CONFIG_NAME}`;
  const where = `${IC_CONFIG_NAMESPACE}/${IC_CONFIG_NAME} from ${server}`;
  let response: Awaited<ReturnType<ReturnType<typeof kubeConfigTransport>>>;
  try {
    response = await kubeConfigTransport(kubeConfig, timeoutMs)({ method: 'GET', path });
  } catch (error) {
    throw new KubeUnreachableError(`cannot read ${where}: ${(error as Error).message}`);
  }
  if (response.statusCode === 404) return { server, configMap: undefined };
  if (response.statusCode !== 200 || !isPlainObject(response.body)) {
    const message =
      isPlainObject(response.body) && typeof response.body.message === 'string'
        ? `: ${response.body.message}`
        : '';
    throw new KubeUnreachableError(`cannot read ${where}: HTTP ${response.statusCode}${message}`);
  }
  const object = { apiVersion: 'v1', kind: 'ConfigMap', ...response.body } as KubeObject;
  const reading = CONFIG_MAP.read(object);
  if (!reading.object) {
    throw new KubeUnreachableError(
      `${where} is not a ConfigMap: ${reading.issues.map((i) => i.message).join('; ')}`,
    );
  }
  return { server, configMap: reading.object };
}

/**
 * Whether the cluster the kubeconfig names has left the interconnect as each of `zones`: a refusal
 * naming the zone, or what the check found.
 */
export async function checkZonesLeft(
  kubeconfig: string,
  zones: readonly string[],
  timeoutMs: number,
): Promise<{ refusal: string } | { detail: string }> {
  const { server, configMap } = await readInterconnectConfig(kubeconfig, timeoutMs);
  for (const zone of zones) {
    const refusal = connectedZoneRefusal(configMap, zone);
    if (refusal) return { refusal: `${refusal} (cluster ${server})` };
  }
  const where = `${IC_CONFIG_NAMESPACE}/${IC_CONFIG_NAME}`;
  if (!configMap) return { detail: `${where} not found on ${server}` };
  const data = configMap.data ?? {};
  if (data['enable-ic'] !== 'true') {
    return { detail: `${where} on ${server} has enable-ic ${JSON.stringify(data['enable-ic'] ?? '')}` };
  }
  const connectedAs = JSON.stringify(data['az-name'] ?? '');
  return {
    detail: `the cluster at ${server} is connected as zone ${connectedAs}, not ${zones.join(', ') || 'this one'}`,
  };
}
