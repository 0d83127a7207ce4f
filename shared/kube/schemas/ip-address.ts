import { z } from 'zod';
import { defineKind, type KindModel } from '../model/kind-model.js';
import { NETWORKING_GROUP } from './ingress.js';
import { kubeObject, objectMeta } from './meta.js';

/**
 * networking.k8s.io/v1 IPAddress: one IP address claimed by a parent object, named by the address
 * itself, so the API server lets only one claim exist per address (Kubernetes' own ClusterIP
 * allocator claims its addresses this way). The name is the canonical address text, which an IPv6
 * address's colons keep from being a DNS subdomain.
 */
const parentReference = z.strictObject({
  group: z.string().optional(),
  resource: z.string().min(1),
  namespace: z.string().optional(),
  name: z.string().min(1),
});

export const ipAddressV1 = kubeObject(`${NETWORKING_GROUP}/v1`, 'IPAddress', {
  metadata: objectMeta.extend({ name: z.union([z.ipv4(), z.ipv6()]).optional() }),
  spec: z.strictObject({ parentRef: parentReference }),
});
export type IPAddress = z.infer<typeof ipAddressV1>;

export const IP_ADDRESS = defineKind({
  group: NETWORKING_GROUP,
  kind: 'IPAddress',
  plural: 'ipaddresses',
  namespaced: false,
  versions: { v1: ipAddressV1 },
});

export const ipAddressDefinitions: readonly KindModel[] = [IP_ADDRESS];
