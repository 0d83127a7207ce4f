import { LOAD_BALANCER_IPS_ANNOTATIONS } from '../kube/keys/metallb.js';
import type { KubeObject } from '../kube/object.js';
import { objectField, objectList, specOf, stringField } from '../kube/spec-fields.js';
import { formatAddress, tryParseAddress } from '../net/address.js';

const SHARING_ANNOTATIONS = ['metallb.io/allow-shared-ip', 'metallb.universe.tf/allow-shared-ip'];

export interface RequestedIp {
  /** Canonical text of the address. */
  address: string;
  field: string;
}

/** Addresses a Service asks MetalLB for: the loadBalancerIPs annotation, else spec.loadBalancerIP. */
export function requestedLoadBalancerIps(service: KubeObject): RequestedIp[] {
  const annotations = service.metadata.annotations ?? {};
  for (const annotation of LOAD_BALANCER_IPS_ANNOTATIONS) {
    const value = annotations[annotation];
    if (value === undefined) continue;
    return value.split(',').flatMap((part) => {
      const address = tryParseAddress(part.trim());
      return address
        ? [
            {
              address: formatAddress(address.family, address.value),
              field: `metadata.annotations[${annotation}]`,
            },
          ]
        : [];
    });
  }
  const address = tryParseAddress(stringField(specOf(service), 'loadBalancerIP') ?? '');
  return address
    ? [{ address: formatAddress(address.family, address.value), field: 'spec.loadBalancerIP' }]
    : [];
}

/** Addresses a Service holds (status.loadBalancer.ingress). */
export function heldLoadBalancerIps(service: KubeObject): string[] {
  const loadBalancer = objectField(
    objectField(service as Record<string, unknown>, 'status') ?? {},
    'loadBalancer',
  );
  return objectList(loadBalancer ?? {}, 'ingress').flatMap((ingress) => {
    const address = tryParseAddress(stringField(ingress, 'ip') ?? '');
    return address ? [formatAddress(address.family, address.value)] : [];
  });
}

/** MetalLB's sharing key: Services share an address only when both carry the same key. */
export function sharingKey(service: KubeObject): string | undefined {
  const annotations = service.metadata.annotations ?? {};
  for (const annotation of SHARING_ANNOTATIONS)
    if (annotations[annotation] !== undefined) return annotations[annotation];
  return undefined;
}

/** `<port>/<protocol>` of each Service port. */
export function portKeys(service: KubeObject): string[] {
  return objectList(specOf(service), 'ports').flatMap((port) => {
    const number = port['port'];
    return typeof number === 'number' ? [`${number}/${stringField(port, 'protocol') ?? 'TCP'}`] : [];
  });
}
