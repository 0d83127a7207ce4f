import {
  gatewayAllowsListenerSet,
  type ListenerOwnerObject,
  listenerSetParent,
  listenersOf,
  type OwnedListener,
} from '../../../../shared/gateway/listeners.js';
import type { ModelView } from '../../../../shared/kube/model/model-view.js';
import { labelsOfNamespace } from '../../../../shared/kube/namespace-labels.js';
import type { KubeObject } from '../../../../shared/kube/object.js';
import { ENVOY_PROXY } from '../../../../shared/kube/schemas/envoy-gateway/definitions.js';
import type { EnvoyProxy } from '../../../../shared/kube/schemas/envoy-gateway/envoy-proxy.js';
import { GATEWAY, LISTENER_SET } from '../../../../shared/kube/schemas/gateway-api/definitions.js';
import type { Gateway } from '../../../../shared/kube/schemas/gateway-api/gateway.js';
import type { ListenerSet } from '../../../../shared/kube/schemas/gateway-api/listener-set.js';
import {
  ENVOY_PROXIES_BY_LB_IP,
  GATEWAYS_BY_ENVOY_PROXY,
  GATEWAYS_BY_STATIC_ADDRESS,
  LISTENER_SETS_BY_PARENT,
} from '../indexes.js';
import {
  envoyProxyLoadBalancerIps,
  gatewayEnvoyProxy,
  gatewayStaticAddresses,
  nsName,
} from './infrastructure.js';
import { isKind } from './kinds.js';

/** The object under review when the data plane around it is assembled. */
export type Reviewed = Gateway | ListenerSet | EnvoyProxy;

/** Objects of one kind are the same object when namespace and name agree. */
function sameName(a: KubeObject, b: KubeObject): boolean {
  return (a.metadata.namespace ?? '') === (b.metadata.namespace ?? '') && a.metadata.name === b.metadata.name;
}

/** The object under review (when it is of the listed kind) replaces its stored version. */
function preferReviewed<T extends Reviewed>(objects: readonly T[], reviewed: T | undefined): T[] {
  return objects.map((o) => (reviewed && sameName(o, reviewed) ? reviewed : o));
}

function oldestFirst(a: KubeObject, b: KubeObject): number {
  // Objects being created have no timestamp yet: they are the newest.
  const ta = a.metadata.creationTimestamp ?? '\uffff';
  const tb = b.metadata.creationTimestamp ?? '\uffff';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return nsName(a.metadata.namespace ?? '', a.metadata.name ?? '').localeCompare(
    nsName(b.metadata.namespace ?? '', b.metadata.name ?? ''),
  );
}

/** Addresses a Gateway pins: `spec.addresses` plus the MetalLB annotation on its EnvoyProxy. */
export function pinnedAddresses(view: ModelView, gateway: Gateway, reviewed: Reviewed): string[] {
  const proxyKey = gatewayEnvoyProxy(gateway);
  let proxy: EnvoyProxy | undefined;
  if (proxyKey) {
    const [ns = '', name = ''] = proxyKey.split('/');
    proxy = view.get(ENVOY_PROXY, ns, name);
    if (
      isKind(ENVOY_PROXY, reviewed) &&
      reviewed.metadata.namespace === ns &&
      reviewed.metadata.name === name
    )
      proxy = reviewed;
  }
  return [
    ...new Set([...gatewayStaticAddresses(gateway), ...(proxy ? envoyProxyLoadBalancerIps(proxy) : [])]),
  ];
}

/** Gateways that pin one of `addresses`, found through indexes only. */
export function gatewaysPinning(
  view: ModelView,
  addresses: readonly string[],
  reviewed: Reviewed,
): Gateway[] {
  const found = new Map<string, Gateway>();
  const add = (g: Gateway) => found.set(nsName(g.metadata.namespace ?? '', g.metadata.name ?? ''), g);
  const reviewedProxy = isKind(ENVOY_PROXY, reviewed) ? reviewed : undefined;
  for (const address of addresses) {
    for (const g of view.byIndex(GATEWAY, GATEWAYS_BY_STATIC_ADDRESS, address)) add(g);
    const proxies = view.byIndex(ENVOY_PROXY, ENVOY_PROXIES_BY_LB_IP, address);
    for (const proxy of preferReviewed(proxies, reviewedProxy)) {
      if (!envoyProxyLoadBalancerIps(proxy).includes(address)) continue;
      const key = nsName(proxy.metadata.namespace ?? '', proxy.metadata.name ?? '');
      for (const g of view.byIndex(GATEWAY, GATEWAYS_BY_ENVOY_PROXY, key)) add(g);
    }
  }
  return preferReviewed([...found.values()], isKind(GATEWAY, reviewed) ? reviewed : undefined);
}

function listenerSetParentKey(set: ListenerSet): string {
  const parent = listenerSetParent(set);
  return nsName(parent.namespace, parent.name);
}

/** The ListenerSets a Gateway accepts, oldest first. */
export function listenerSetsOf(view: ModelView, gateway: Gateway, reviewed: Reviewed): ListenerSet[] {
  const key = nsName(gateway.metadata.namespace ?? '', gateway.metadata.name ?? '');
  const reviewedSet = isKind(LISTENER_SET, reviewed) ? reviewed : undefined;
  const sets = preferReviewed(view.byIndex(LISTENER_SET, LISTENER_SETS_BY_PARENT, key), reviewedSet);
  const reviewedIsChild =
    reviewedSet !== undefined && !sets.includes(reviewedSet) && listenerSetParentKey(reviewedSet) === key;
  return (reviewedIsChild ? [...sets, reviewedSet] : sets)
    .filter((set) => {
      const ns = set.metadata.namespace ?? '';
      return gatewayAllowsListenerSet(gateway, ns, labelsOfNamespace(view, ns));
    })
    .sort(oldestFirst);
}

/**
 * Every listener sharing a data plane with `root` (a Gateway): the Gateway's own, those of Gateways
 * pinning the same static address, then ListenerSets oldest first. `reviewed` stands in for its
 * stored version.
 */
export function sharedListeners(view: ModelView, root: Gateway, reviewed: Reviewed): OwnedListener[] {
  const peers = gatewaysPinning(view, pinnedAddresses(view, root, reviewed), reviewed).filter(
    (g) => !sameName(g, root),
  );
  const gateways = [root, ...peers.sort(oldestFirst)];
  const sets = gateways.flatMap((g) => listenerSetsOf(view, g, reviewed));
  const owners: ListenerOwnerObject[] = [...gateways, ...sets];
  return owners.flatMap((owner) => listenersOf(owner));
}
