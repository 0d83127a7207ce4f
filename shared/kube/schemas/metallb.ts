import { z } from 'zod';
import { defineKind, type KindModel, type ModelObject } from '../model/kind-model.js';
import { kubeObject } from './meta.js';

/**
 * metallb.io kinds as MetalLB v0.16 publishes them (config/crd/bases): IPAddressPool,
 * L2Advertisement, BGPAdvertisement and Community in v1beta1, BGPPeer in v1beta2 and its deprecated
 * but still served v1beta1. Unknown fields are refused; the limits are the CRDs' own. Checks that
 * need a readable message (addresses, timers, ASN combinations) live in the metallb rules.
 */
export const METALLB_GROUP = 'metallb.io';

const int32 = z.int().min(-2147483648).max(2147483647);
const asn = z.int().min(0).max(4294967295);
/** Written by MetalLB; its shape is not acpnet's to judge. */
const status = z.looseObject({}).optional();

const selectorRequirement = z.strictObject({
  key: z.string(),
  operator: z.string(),
  values: z.array(z.string()).optional(),
});

export const metallbLabelSelector = z.strictObject({
  matchLabels: z.record(z.string(), z.string()).optional(),
  matchExpressions: z.array(selectorRequirement).optional(),
});
export type MetallbLabelSelector = z.infer<typeof metallbLabelSelector>;

const selectors = z.array(metallbLabelSelector).optional();

export const ipAddressPoolSpec = z.strictObject({
  addresses: z.array(z.string()),
  autoAssign: z.boolean().optional(),
  avoidBuggyIPs: z.boolean().optional(),
  serviceAllocation: z
    .strictObject({
      namespaceSelectors: selectors,
      namespaces: z.array(z.string()).optional(),
      priority: z.int().optional(),
      serviceSelectors: selectors,
    })
    .optional(),
});
export const ipAddressPoolV1beta1 = kubeObject(`${METALLB_GROUP}/v1beta1`, 'IPAddressPool', {
  spec: ipAddressPoolSpec,
  status,
});
export type IPAddressPool = z.infer<typeof ipAddressPoolV1beta1>;

export const l2AdvertisementSpec = z.strictObject({
  interfaces: z.array(z.string()).optional(),
  ipAddressPoolSelectors: selectors,
  ipAddressPools: z.array(z.string()).optional(),
  nodeSelectors: selectors,
  preferredNodeSelectors: z
    .array(z.strictObject({ preference: metallbLabelSelector, weight: z.int().min(1).max(100) }))
    .optional(),
  serviceSelectors: selectors,
});
export const l2AdvertisementV1beta1 = kubeObject(`${METALLB_GROUP}/v1beta1`, 'L2Advertisement', {
  spec: l2AdvertisementSpec.optional(),
  status,
});
export type L2Advertisement = z.infer<typeof l2AdvertisementV1beta1>;

export const bgpAdvertisementSpec = z
  .strictObject({
    aggregationLength: int32.min(1).optional(),
    aggregationLengthV6: int32.optional(),
    asPathPrepend: z.int().min(1).max(10).optional(),
    communities: z.array(z.string()).optional(),
    ipAddressPoolSelectors: selectors,
    ipAddressPools: z.array(z.string()).optional(),
    localPref: int32.optional(),
    nodeSelectors: selectors,
    peers: z.array(z.string()).optional(),
    serviceSelectors: selectors,
  })
  .refine(
    (spec) =>
      (spec.serviceSelectors ?? []).length === 0 ||
      ((spec.aggregationLength ?? 32) === 32 && (spec.aggregationLengthV6 ?? 128) === 128),
    {
      message:
        'serviceSelectors and aggregationLength are mutually exclusive, can only be used together with default aggregationLength (32) and aggregationLengthV6 (128)',
    },
  );
export const bgpAdvertisementV1beta1 = kubeObject(`${METALLB_GROUP}/v1beta1`, 'BGPAdvertisement', {
  spec: bgpAdvertisementSpec.optional(),
  status,
});
export type BGPAdvertisement = z.infer<typeof bgpAdvertisementV1beta1>;

export const communitySpec = z.strictObject({
  communities: z
    .array(z.strictObject({ name: z.string().optional(), value: z.string().optional() }))
    .optional(),
});
export const communityV1beta1 = kubeObject(`${METALLB_GROUP}/v1beta1`, 'Community', {
  spec: communitySpec.optional(),
  status,
});
export type Community = z.infer<typeof communityV1beta1>;

export const bgpPeerSpecV1beta2 = z.strictObject({
  bfdProfile: z.string().optional(),
  connectTime: z.string().optional(),
  disableMP: z.boolean().optional(),
  dualStackAddressFamily: z.boolean().optional(),
  dynamicASN: z.enum(['internal', 'external']).optional(),
  ebgpMultiHop: z.boolean().optional(),
  enableGracefulRestart: z.boolean().optional(),
  holdTime: z.string().optional(),
  interface: z.string().optional(),
  keepaliveTime: z.string().optional(),
  localASN: asn.min(1).optional(),
  myASN: asn,
  nodeSelectors: selectors,
  password: z.string().optional(),
  passwordSecret: z
    .strictObject({ name: z.string().optional(), namespace: z.string().optional() })
    .optional(),
  peerASN: asn.optional(),
  peerAddress: z.string().optional(),
  peerPort: z.int().min(1).max(16384).optional(),
  routerID: z.string().optional(),
  sourceAddress: z.string().optional(),
  vrf: z.string().optional(),
});
export const bgpPeerV1beta2 = kubeObject(`${METALLB_GROUP}/v1beta2`, 'BGPPeer', {
  spec: bgpPeerSpecV1beta2.optional(),
  status,
});

/** v1beta1 node selectors require `values` (at least one) on every expression. */
const v1beta1NodeSelector = z.strictObject({
  matchLabels: z.record(z.string(), z.string()).optional(),
  matchExpressions: z
    .array(z.strictObject({ key: z.string(), operator: z.string(), values: z.array(z.string()).min(1) }))
    .optional(),
});

export const bgpPeerSpecV1beta1 = z.strictObject({
  bfdProfile: z.string().optional(),
  ebgpMultiHop: z.boolean().optional(),
  holdTime: z.string().optional(),
  keepaliveTime: z.string().optional(),
  myASN: asn,
  nodeSelectors: z.array(v1beta1NodeSelector).optional(),
  password: z.string().optional(),
  peerASN: asn,
  peerAddress: z.string(),
  peerPort: z.int().min(0).max(16384).optional(),
  routerID: z.string().optional(),
  sourceAddress: z.string().optional(),
});
export const bgpPeerV1beta1 = kubeObject(`${METALLB_GROUP}/v1beta1`, 'BGPPeer', {
  spec: bgpPeerSpecV1beta1.optional(),
  status,
});

export const IP_ADDRESS_POOL = defineKind({
  group: METALLB_GROUP,
  kind: 'IPAddressPool',
  plural: 'ipaddresspools',
  namespaced: true,
  versions: { v1beta1: ipAddressPoolV1beta1 },
});
export const L2_ADVERTISEMENT = defineKind({
  group: METALLB_GROUP,
  kind: 'L2Advertisement',
  plural: 'l2advertisements',
  namespaced: true,
  versions: { v1beta1: l2AdvertisementV1beta1 },
});
export const BGP_ADVERTISEMENT = defineKind({
  group: METALLB_GROUP,
  kind: 'BGPAdvertisement',
  plural: 'bgpadvertisements',
  namespaced: true,
  versions: { v1beta1: bgpAdvertisementV1beta1 },
});
export const COMMUNITY = defineKind({
  group: METALLB_GROUP,
  kind: 'Community',
  plural: 'communities',
  namespaced: true,
  versions: { v1beta1: communityV1beta1 },
});
export const BGP_PEER = defineKind({
  group: METALLB_GROUP,
  kind: 'BGPPeer',
  plural: 'bgppeers',
  namespaced: true,
  versions: { v1beta1: bgpPeerV1beta1, v1beta2: bgpPeerV1beta2 },
});
/** A BGPPeer of either served version (v1beta1 fields are a subset of v1beta2's). */
export type BGPPeer = ModelObject<typeof BGP_PEER>;

export const metallbDefinitions: readonly KindModel[] = [
  IP_ADDRESS_POOL,
  L2_ADVERTISEMENT,
  BGP_ADVERTISEMENT,
  COMMUNITY,
  BGP_PEER,
];

/** The metallb.io kinds MetalLB only reads from its own namespace. */
export const METALLB_KINDS: readonly KindModel[] = [
  IP_ADDRESS_POOL,
  L2_ADVERTISEMENT,
  BGP_ADVERTISEMENT,
  BGP_PEER,
  COMMUNITY,
];
