import type { EnvoyProxy } from '../../../../shared/kube/schemas/envoy-gateway/envoy-proxy.js';
import type { Gateway } from '../../../../shared/kube/schemas/gateway-api/gateway.js';

/** The MetalLB annotation a Gateway or EnvoyProxy pins its addresses with. */
export const LB_IPS_ANNOTATION = 'metallb.universe.tf/loadBalancerIPs';

export function nsName(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function splitAddresses(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Static addresses a Gateway requests: `spec.addresses`, and the MetalLB annotation in
 * `spec.infrastructure.annotations` (which Gateway API copies onto the generated Service).
 */
export function gatewayStaticAddresses(gateway: Gateway): string[] {
  const listed = (gateway.spec.addresses ?? []).flatMap((a) => (a.value ? [a.value] : []));
  const annotated = splitAddresses(gateway.spec.infrastructure?.annotations?.[LB_IPS_ANNOTATION]);
  return [...new Set([...listed, ...annotated])];
}

/** The EnvoyProxy (namespace/name) a Gateway names in `spec.infrastructure.parametersRef`. */
export function gatewayEnvoyProxy(gateway: Gateway): string | undefined {
  const ref = gateway.spec.infrastructure?.parametersRef;
  if (ref?.kind !== 'EnvoyProxy' || !ref.name) return undefined;
  return nsName(gateway.metadata.namespace ?? '', ref.name);
}

/** Addresses pinned by `metallb.universe.tf/loadBalancerIPs` on an EnvoyProxy (or its Service template). */
export function envoyProxyLoadBalancerIps(proxy: EnvoyProxy): string[] {
  const values = [
    proxy.metadata.annotations?.[LB_IPS_ANNOTATION],
    proxy.spec?.provider?.kubernetes?.envoyService?.annotations?.[LB_IPS_ANNOTATION],
  ];
  return [...new Set(values.flatMap(splitAddresses))];
}
