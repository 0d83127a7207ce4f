import {
  gatewayAllowsListenerSet,
  listenerSetParent,
  listenersOf,
  type OwnedListener,
} from '../../../shared/gateway/listeners.js';
import type { ModelView } from '../../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../../shared/kube/object.js';
import { groupKindOf } from '../../../shared/kube/object.js';
import { NAMESPACE } from '../../../shared/kube/schemas/core.js';
import { ENVOY_PROXY } from '../../../shared/kube/schemas/envoy-gateway/definitions.js';
import { GATEWAY, LISTENER_SET } from '../../../shared/kube/schemas/gateway-api/definitions.js';
import {
  ENVOY_PROXIES_BY_LB_IP,
  envoyProxyLoadBalancerIps,
  GATEWAYS_BY_ENVOY_PROXY,
  GATEWAYS_BY_STATIC_ADDRESS,
  gatewayEnvoyProxy,
  gatewayStaticAddresses,
  LISTENER_SETS_BY_PARENT,
  nsName,
} from './indexes.js';
import { namespaceLabels } from './route-attachment-planner.js';

function sameIdentity(a: KubeObject, b: KubeObject): boolean {
  return (
    groupKindOf(a) === groupKindOf(b) &&
    (a.metadata.namespace ?? '') === (b.metadata.namespace ?? '') &&
    a.metadata.name === b.metadata.name
  );
}

/** The object under review replaces its stored version wherever the view returns it. */
function preferReviewed(objects: readonly KubeObject[], reviewed: KubeObject): KubeObject[] {
  return objects.map((o) => (sameIdentity(o, reviewed) ? reviewed : o));
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
export function pinnedAddresses(view: ModelView, gateway: KubeObject, reviewed: KubeObject): string[] {
  const proxyKey = gatewayEnvoyProxy(gateway);
  let proxy: KubeObject | undefined;
  if (proxyKey) {
    const [ns = '', name = ''] = proxyKey.split('/');
    proxy = view.get(ENVOY_PROXY, ns, name);
    if (
      groupKindOf(reviewed) === ENVOY_PROXY.groupKind &&
      reviewed.metadata.namespace === ns &&
      reviewed.metadata.name === name
    )
      proxy = reviewed;
  }
  return [
    ...new Set([...gatewayStaticAddresses(gateway), ...(proxy ? envoyProxyLoadBalancerIps(proxy) : [])]),
  ];
}

/** Gateways (other than `gateway`) that pin one of `addresses`, found through indexes only. */
export function gatewaysPinning(
  view: ModelView,
  addresses: readonly string[],
  reviewed: KubeObject,
): KubeObject[] {
  const found = new Map<string, KubeObject>();
  const add = (g: KubeObject) => found.set(nsName(g.metadata.namespace ?? '', g.metadata.name ?? ''), g);
  for (const address of addresses) {
    for (const g of view.byIndex(GATEWAY, GATEWAYS_BY_STATIC_ADDRESS, address)) add(g);
    const proxies = view.byIndex(ENVOY_PROXY, ENVOY_PROXIES_BY_LB_IP, address);
    for (const proxy of preferReviewed(proxies, reviewed)) {
      if (!envoyProxyLoadBalancerIps(proxy).includes(address)) continue;
      const key = nsName(proxy.metadata.namespace ?? '', proxy.metadata.name ?? '');
      for (const g of view.byIndex(GATEWAY, GATEWAYS_BY_ENVOY_PROXY, key)) add(g);
    }
  }
  return preferReviewed([...found.values()], reviewed);
}

export function listenerSetsOf(view: ModelView, gateway: KubeObject, reviewed: KubeObject): KubeObject[] {
  const key = nsName(gateway.metadata.namespace ?? '', gateway.metadata.name ?? '');
  const sets = preferReviewed(view.byIndex(LISTENER_SET, LISTENER_SETS_BY_PARENT, key), reviewed);
  const reviewedIsChild =
    groupKindOf(reviewed) === LISTENER_SET.groupKind &&
    !sets.includes(reviewed) &&
    listenerSetParentKey(reviewed) === key;
  return (reviewedIsChild ? [...sets, reviewed] : sets)
    .filter((set) => {
      const ns = set.metadata.namespace ?? '';
      return gatewayAllowsListenerSet(
        gateway,
        ns,
        namespaceLabels(ns, view.get(NAMESPACE, '', ns)?.metadata.labels),
      );
    })
    .sort(oldestFirst);
}

function listenerSetParentKey(set: KubeObject): string | undefined {
  const parent = listenerSetParent(set);
  return parent ? nsName(parent.namespace, parent.name) : undefined;
}

/**
 * Every listener sharing a data plane with `root` (a Gateway): the Gateway's own, those of Gateways
 * pinning the same static address, then ListenerSets oldest first. `reviewed` stands in for its
 * stored version.
 */
export function sharedListeners(view: ModelView, root: KubeObject, reviewed: KubeObject): OwnedListener[] {
  const peers = gatewaysPinning(view, pinnedAddresses(view, root, reviewed), reviewed).filter(
    (g) => !sameIdentity(g, root),
  );
  const gateways = [root, ...peers.sort(oldestFirst)];
  const sets = gateways.flatMap((g) => listenerSetsOf(view, g, reviewed));
  return [...gateways, ...sets].flatMap(listenersOf);
}
