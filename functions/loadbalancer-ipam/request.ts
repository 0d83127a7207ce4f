import type { Service } from '../../shared/kube/schemas/core.js';
import {
  allocatedPool,
  backendKey,
  heldLoadBalancerIps,
  loadBalancerIpsAnnotation,
  portKeys,
  requestedPool,
  sharingKey,
} from '../../shared/metallb/service-addresses.js';
import { type Address, type Family, parseAddress, tryParseAddress } from '../../shared/net/address.js';
import { NetParseError } from '../../shared/net/errors.js';

/** The families a Service's load balancer addresses must have: one, or both (dual stack). */
export type ServiceFamily = Family | 'dual';
export type FamilyPolicy = 'SingleStack' | 'PreferDualStack' | 'RequireDualStack';

/** Addresses asked for by `loadBalancerIPs` or `spec.loadBalancerIP`, or why they cannot be read. */
export type RequestedAddresses = { ok: true; addresses: Address[] } | { ok: false; problem: string };

/** What a Service asks MetalLB for, read once per plan. */
export interface LoadBalancerRequest {
  /** `namespace/name`. */
  key: string;
  namespace: string;
  name: string;
  /** A Service of type LoadBalancer without another loadBalancerClass: MetalLB's to serve. */
  served: boolean;
  family: ServiceFamily;
  /** The family listed first in spec.ipFamilies: MetalLB prefers it when a pool has only one. */
  primary: Family;
  policy: FamilyPolicy;
  requested?: RequestedAddresses;
  pool?: string;
  sharing: string;
  backend: string;
  ports: string[];
  labels: Readonly<Record<string, string>>;
  /** The addresses the Service holds now (status.loadBalancer.ingress), canonical. */
  held: Address[];
  /** The pool they were recorded as allocated from (metallb.io/ip-allocated-from-pool). */
  recordedPool?: string;
}

export function serviceKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/**
 * MetalLB reads the family from the ClusterIPs the API server gave the Service; a Service without
 * them (a manifest not yet applied) is read by spec.ipFamilies, else as IPv4, the API server's
 * choice on a single-stack IPv4 cluster.
 */
function familyOf(service: Service): { family: ServiceFamily; primary: Family } {
  const spec = service.spec ?? {};
  const fromClusterIps = (spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : []))
    .map((ip) => tryParseAddress(ip)?.family)
    .filter((family): family is Family => family !== undefined);
  const fromFamilies = (spec.ipFamilies ?? []).map((f): Family => (f === 'IPv6' ? 6 : 4));
  const families = fromClusterIps.length > 0 ? fromClusterIps : fromFamilies;
  const primary = fromFamilies[0] ?? families[0] ?? 4;
  if (new Set(families).size === 2) return { family: 'dual', primary };
  return { family: families[0] ?? 4, primary };
}

/** MetalLB's getDesiredLbIPs: the annotation or spec.loadBalancerIP, never both, at most one per family. */
function requestedAddresses(service: Service): RequestedAddresses | undefined {
  const annotation = loadBalancerIpsAnnotation(service);
  const fixed = service.spec?.loadBalancerIP || undefined;
  if (annotation && fixed) {
    return {
      ok: false,
      problem: `a Service cannot have both ${annotation.annotation} and spec.loadBalancerIP`,
    };
  }
  const texts = annotation ? annotation.value.split(',').map((part) => part.trim()) : fixed ? [fixed] : [];
  if (texts.length === 0) return undefined;
  const addresses: Address[] = [];
  for (const text of texts) {
    try {
      addresses.push(parseAddress(text));
    } catch (error) {
      if (!(error instanceof NetParseError)) throw error;
      return { ok: false, problem: `${JSON.stringify(text)} is not an IP address` };
    }
  }
  if (addresses.length > 2 || (addresses.length === 2 && addresses[0]!.family === addresses[1]!.family)) {
    return { ok: false, problem: `${texts.join(',')}: at most one address per family` };
  }
  return { ok: true, addresses };
}

const readRequests = new WeakMap<Service, LoadBalancerRequest>();

/**
 * What `service` asks for. Read once per object: the store's objects are frozen snapshots (a change
 * is a new object), and every plan reads every Service holding an address of the pools it touches.
 */
export function readRequest(service: Service): LoadBalancerRequest {
  if (!Object.isFrozen(service)) return readRequestOnce(service);
  let request = readRequests.get(service);
  if (!request) {
    request = Object.freeze(readRequestOnce(service));
    readRequests.set(service, request);
  }
  return request;
}

function readRequestOnce(service: Service): LoadBalancerRequest {
  const namespace = service.metadata.namespace ?? '';
  const name = service.metadata.name ?? '';
  const { family, primary } = familyOf(service);
  const requested = requestedAddresses(service);
  const pool = requestedPool(service)?.pool || undefined;
  const recordedPool = allocatedPool(service);
  return {
    key: serviceKey(namespace, name),
    namespace,
    name,
    served: service.spec?.type === 'LoadBalancer' && !service.spec.loadBalancerClass,
    family,
    primary,
    policy: service.spec?.ipFamilyPolicy ?? 'SingleStack',
    ...(requested ? { requested } : {}),
    ...(pool ? { pool } : {}),
    sharing: sharingKey(service) ?? '',
    backend: backendKey(service),
    ports: portKeys(service),
    labels: service.metadata.labels ?? {},
    held: heldLoadBalancerIps(service).map(parseAddress),
    ...(recordedPool ? { recordedPool } : {}),
  };
}

/** The family set of a list of addresses, as MetalLB's ipfamily.ForAddressesIPs names it. */
export function familyOfAddresses(addresses: readonly Address[]): ServiceFamily | undefined {
  const families = new Set(addresses.map((a) => a.family));
  if (families.size === 2) return 'dual';
  return addresses[0]?.family;
}
