import type { ModelView } from '../../shared/kube/model/model-view.js';
import type { KubeObject } from '../../shared/kube/object.js';
import { ROUTE, type Route } from '../../shared/kube/schemas/openshift-route.js';
import { type GatewayRef, gatewayKey, gatewayOfRoute } from '../../shared/route-migration/gateway-choice.js';
import { migrateRoutes } from '../../shared/route-migration/migrate.js';
import type { Effect } from '../runtime/contract.js';
import { isMigrated, ROUTES_BY_GATEWAY } from './indexes.js';
import { deleteOf, identity, madeForGateway, madeFromRoute, previousGateways } from './made-objects.js';
import { statusEffect } from './status.js';

const routeId = (route: Route) => `${route.metadata.namespace ?? ''}/${route.metadata.name ?? ''}`;

/** The migrated Routes of a Gateway: those whose annotation names it. */
function routesOf(view: ModelView, gateway: GatewayRef): readonly Route[] {
  return view.byIndex(ROUTE, ROUTES_BY_GATEWAY, gatewayKey(gateway));
}

/**
 * The Gateway as the function applies it: its class, its listeners (the migration's among the
 * others, whose fields it then shares) and the annotation listing the migration's; nothing else of
 * the Gateway is claimed.
 */
function gatewayApply(gateway: KubeObject): KubeObject {
  const spec = gateway.spec as { gatewayClassName: string; listeners: unknown[] };
  const annotations = gateway.metadata.annotations ?? {};
  const ours = Object.entries(annotations).filter(([key]) => key === 'acpnet.io/migrated-listeners');
  return {
    apiVersion: gateway.apiVersion,
    kind: gateway.kind,
    metadata: {
      name: gateway.metadata.name,
      namespace: gateway.metadata.namespace,
      ...(ours.length > 0 ? { annotations: Object.fromEntries(ours) } : {}),
    },
    spec: { gatewayClassName: spec.gatewayClassName, listeners: spec.listeners },
  };
}

/**
 * Re-migrates every migrated Route of the Gateways given (and `also`, a Route whose event this is):
 * applies what they need, deletes what the migration made that no Route needs any more, and writes
 * each Route's outcome into its status. Each Gateway's listeners and connection limit depend on all
 * its Routes, so they are planned together; effects that change nothing are not written.
 */
export async function planGateways(
  view: ModelView,
  gateways: readonly GatewayRef[],
  also: { namespace: string; name: string; deleted: boolean } | undefined,
): Promise<Effect[]> {
  const routes = new Map<string, Route>();
  for (const gateway of gateways)
    for (const route of routesOf(view, gateway)) routes.set(routeId(route), route);
  // A deleted Route may still be in a store the event has not reached yet (a dry run): it goes.
  if (also?.deleted) routes.delete(`${also.namespace}/${also.name}`);
  const event = also && !also.deleted ? view.get(ROUTE, also.namespace, also.name) : undefined;
  if (event && isMigrated(event)) routes.set(routeId(event), event);
  const { objects, reports } = migrateRoutes([...routes.values()], view, {
    gatewayClassName: '',
    createGateway: false,
    pruneListeners: true,
    ownedByRoute: true,
    onlyGatewayByDefault: false,
    gateways,
  });
  const effects: Effect[] = objects.map((object) => ({
    op: 'apply',
    object: object.kind === 'Gateway' ? gatewayApply(object) : object,
  }));
  const desired = new Set(objects.map(identity));
  const stale = async (namespace: string, name: string) =>
    (await madeFromRoute(view, namespace, name)).filter((o) => !desired.has(identity(o))).map(deleteOf);
  for (const route of routes.values())
    effects.push(...(await stale(route.metadata.namespace ?? '', route.metadata.name ?? '')));
  if (also && !routes.has(`${also.namespace}/${also.name}`))
    effects.push(...(await stale(also.namespace, also.name)));
  for (const gateway of gateways) {
    const policy = madeForGateway(view, gateway);
    if (policy && !desired.has(identity(policy))) effects.push(deleteOf(policy));
  }
  const byRoute = new Map(reports.map((r) => [r.route, r]));
  for (const route of routes.values()) effects.push(...statusEffect(route, byRoute.get(routeId(route))));
  if (event && !isMigrated(event)) effects.push(...statusEffect(event, undefined));
  return effects;
}

/** The Gateways a Route's event concerns: where it goes now, and where it went before. */
export function gatewaysOfRoute(
  view: ModelView,
  route: Route | undefined,
  namespace: string,
  name: string,
): GatewayRef[] {
  const out = new Map<string, GatewayRef>();
  for (const ref of previousGateways(view, namespace, name)) out.set(gatewayKey(ref), ref);
  if (route && isMigrated(route)) {
    const now = gatewayOfRoute(route, undefined, view, false);
    if (!('failure' in now)) out.set(gatewayKey(now), now);
  }
  return [...out.values()];
}
