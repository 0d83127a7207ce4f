import {
  ADDRESS_POOL_ANNOTATIONS,
  ALLOCATED_POOL_ANNOTATIONS,
  ALLOW_SHARED_IP_ANNOTATIONS,
  LOAD_BALANCER_IPS_ANNOTATIONS,
} from '../kube/keys/metallb.js';
import type { Service } from '../kube/schemas/core.js';
import { formatAddress, tryParseAddress } from '../net/address.js';

/** One of MetalLB's Service annotations as set: which name (stable or deprecated) and its value. */
export interface AnnotationValue {
  annotation: string;
  value: string;
}

/** The first of `names` the Service carries: MetalLB reads the stable name before the deprecated one. */
function firstAnnotation(service: Service, names: readonly string[]): AnnotationValue | undefined {
  const annotations = service.metadata.annotations ?? {};
  for (const annotation of names) {
    const value = annotations[annotation];
    if (value !== undefined) return { annotation, value };
  }
  return undefined;
}

/** The pool a Service asks MetalLB for, stable annotation first. */
export function requestedPool(service: Service): { annotation: string; pool: string } | undefined {
  const requested = firstAnnotation(service, ADDRESS_POOL_ANNOTATIONS);
  return requested && { annotation: requested.annotation, pool: requested.value };
}

/** The loadBalancerIPs annotation as written (comma-separated addresses), stable annotation first. */
export function loadBalancerIpsAnnotation(service: Service): AnnotationValue | undefined {
  return firstAnnotation(service, LOAD_BALANCER_IPS_ANNOTATIONS);
}

/** The pool MetalLB allocated the Service's address from, as it recorded it. */
export function allocatedPool(service: Service): string | undefined {
  return firstAnnotation(service, ALLOCATED_POOL_ANNOTATIONS)?.value;
}

/** MetalLB's sharing key: Services share an address only when both carry the same key. */
export function sharingKey(service: Service): string | undefined {
  return firstAnnotation(service, ALLOW_SHARED_IP_ANNOTATIONS)?.value;
}

export interface RequestedIp {
  /** Canonical text of the address. */
  address: string;
  field: string;
}

function canonical(text: string): string | undefined {
  const address = tryParseAddress(text);
  return address && formatAddress(address.family, address.value);
}

/** Addresses a Service asks MetalLB for: the loadBalancerIPs annotation, else spec.loadBalancerIP. */
export function requestedLoadBalancerIps(service: Service): RequestedIp[] {
  const requested = loadBalancerIpsAnnotation(service);
  if (requested) {
    const field = `metadata.annotations[${requested.annotation}]`;
    return requested.value.split(',').flatMap((part) => {
      const address = canonical(part.trim());
      return address ? [{ address, field }] : [];
    });
  }
  const address = canonical(service.spec?.loadBalancerIP ?? '');
  return address ? [{ address, field: 'spec.loadBalancerIP' }] : [];
}

/** Addresses a Service holds (status.loadBalancer.ingress). */
export function heldLoadBalancerIps(service: Service): string[] {
  return (service.status?.loadBalancer?.ingress ?? []).flatMap((ingress) => {
    const address = canonical(ingress.ip ?? '');
    return address ? [address] : [];
  });
}

/** `<port>/<protocol>` of each Service port. */
export function portKeys(service: Service): string[] {
  return (service.spec?.ports ?? []).map((port) => `${port.port}/${port.protocol ?? 'TCP'}`);
}

/**
 * MetalLB's backend key: Services with externalTrafficPolicy Local share an address only when their
 * selectors are equal (the address is announced from their pods' nodes); Cluster ones whatever their
 * backends. The selector is written as Kubernetes writes a label set: sorted `k=v` joined by commas.
 */
export function backendKey(service: Service): string {
  if (service.spec?.externalTrafficPolicy !== 'Local') return '';
  return Object.entries(service.spec.selector ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}
