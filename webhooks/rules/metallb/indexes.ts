import { ADDRESS_POOL_ANNOTATIONS } from '../../../shared/kube/keys/metallb.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { SERVICE } from '../../../shared/kube/schemas/core.js';
import {
  BGP_ADVERTISEMENT,
  IP_ADDRESS_POOL,
  L2_ADVERTISEMENT,
} from '../../../shared/kube/schemas/metallb.js';
import { specOf, stringList } from '../../../shared/kube/spec-fields.js';
import type { EqualityIndexSpec, RangeIndexSpec } from '../../../shared/kube/store.js';
import { poolRanges } from './pool-model.js';

export const POOL_ADDRESS_INDEX = 'addresses';
export const SERVICE_POOL_INDEX = 'metallb-address-pool';
export const ADVERTISEMENT_PEER_INDEX = 'peer';
export const ADVERTISEMENT_POOL_INDEX = 'pool';
export const SERVICE_ALLOCATED_POOL_INDEX = 'metallb-allocated-pool';

/** MetalLB records the pool it allocated a Service's address from in this annotation. */
const ALLOCATED_POOL_ANNOTATIONS = [
  'metallb.io/ip-allocated-from-pool',
  'metallb.universe.tf/ip-allocated-from-pool',
];

/** The pool a Service asks MetalLB for, stable annotation first. */
export function requestedPool(service: KubeObject): { annotation: string; pool: string } | undefined {
  const annotations = service.metadata.annotations ?? {};
  for (const annotation of ADDRESS_POOL_ANNOTATIONS) {
    const pool = annotations[annotation];
    if (pool !== undefined) return { annotation, pool };
  }
  return undefined;
}

export const poolRangeIndex: RangeIndexSpec = {
  kind: IP_ADDRESS_POOL.groupKind,
  name: POOL_ADDRESS_INDEX,
  ranges: poolRanges,
};

export const servicePoolIndex: EqualityIndexSpec = {
  kind: SERVICE.groupKind,
  name: SERVICE_POOL_INDEX,
  keys: (obj) => {
    const pool = requestedPool(obj)?.pool;
    return pool ? [pool] : [];
  },
};

export const advertisementPeerIndex: EqualityIndexSpec = {
  kind: BGP_ADVERTISEMENT.groupKind,
  name: ADVERTISEMENT_PEER_INDEX,
  keys: (obj) => stringList(specOf(obj), 'peers'),
};

export const serviceAllocatedPoolIndex: EqualityIndexSpec = {
  kind: SERVICE.groupKind,
  name: SERVICE_ALLOCATED_POOL_INDEX,
  keys: (obj) => {
    const annotations = obj.metadata.annotations ?? {};
    const pool = ALLOCATED_POOL_ANNOTATIONS.map((a) => annotations[a]).find((v) => v !== undefined);
    return pool ? [pool] : [];
  },
};

/** Advertisements of both kinds by the pools they name in `ipAddressPools`. */
export const advertisementPoolIndexes: readonly EqualityIndexSpec[] = [
  L2_ADVERTISEMENT,
  BGP_ADVERTISEMENT,
].map((kind) => ({
  kind: kind.groupKind,
  name: ADVERTISEMENT_POOL_INDEX,
  keys: (obj: KubeObject) => stringList(specOf(obj), 'ipAddressPools'),
}));
