/**
 * A cluster still in the interconnect keeps writing its zone: cleaning it would be undone, or break
 * the cluster's links. Kube-OVN's ovn-ic-config ConfigMap says whether the cluster is connected.
 */
import type { ConfigMap } from '../kube/schemas/core.js';

/** Why the zone must not be removed, or undefined when ovn-ic-config (absent: undefined) allows it. */
export function connectedZoneRefusal(config: ConfigMap | undefined, zone: string): string | undefined {
  const data = config?.data ?? {};
  if (data['enable-ic'] !== 'true' || data['az-name'] !== zone) return undefined;
  const where = `${config?.metadata?.namespace ?? ''}/${config?.metadata?.name ?? ''}`;
  return (
    `availability zone ${zone} belongs to a cluster still connected to the interconnect: ${where} has ` +
    `enable-ic "true" and az-name ${JSON.stringify(zone)}; leave the interconnect first ` +
    `(delete the ConfigMap or set enable-ic to "false")`
  );
}
