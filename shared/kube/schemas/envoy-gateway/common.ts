import { z } from 'zod';
import { duration, group, kind, namespace, objectName, portNumber } from '../gateway-api/common.js';
import { refineServicePort } from '../gateway-api/references.js';

/** Field types the Envoy Gateway kinds share: quantities, backend refs, keepalive, CIDRs, HTTP methods. */

const quantityPattern =
  /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/;
/** A Kubernetes resource quantity (`100M`, `1Gi`, `512`), as a number or a string. */
export const quantity = z.union([
  z.int().min(0),
  z.string().regex(quantityPattern, 'must be a Kubernetes quantity such as 100M or 1Gi'),
]);

/** A backend reference of Envoy Gateway (Service, ServiceImport or Backend), with the Service-port rule. */
export const egBackendRef = z
  .strictObject({
    group: group.optional(),
    kind: kind.optional(),
    name: objectName,
    namespace: namespace.optional(),
    port: portNumber.optional(),
    weight: z.int().min(0).optional(),
  })
  .superRefine(refineServicePort);

export const tcpKeepalive = z.strictObject({
  probes: z.int().min(0).optional(),
  idleTime: duration.optional(),
  interval: duration.optional(),
});

const ipv4Cidr = z.cidrv4();
const ipv6Cidr = z.cidrv6();
/** An IPv4 or IPv6 CIDR such as 10.0.0.0/8 or 2001:db8::/32. */
export const cidr = z.string().refine((v) => ipv4Cidr.safeParse(v).success || ipv6Cidr.safeParse(v).success, {
  message: 'must be an IPv4 or IPv6 CIDR such as 10.0.0.0/8',
});

export const httpMethodNames = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'TRACE',
  'PATCH',
] as const;
