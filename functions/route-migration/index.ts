import { groupKindOf } from '../../shared/kube/object.js';
import { CONFIG_MAP, SERVICE } from '../../shared/kube/schemas/core.js';
import {
  BACKEND_TRAFFIC_POLICY,
  CLIENT_TRAFFIC_POLICY,
  SECURITY_POLICY,
} from '../../shared/kube/schemas/envoy-gateway/definitions.js';
import {
  BACKEND_TLS_POLICY,
  GATEWAY,
  HTTP_ROUTE,
  REFERENCE_GRANT,
  TLS_ROUTE,
} from '../../shared/kube/schemas/gateway-api/definitions.js';
import { ROUTE } from '../../shared/kube/schemas/openshift-route.js';
import { type GatewayRef, gatewayKey, gatewayOfRoute } from '../../shared/route-migration/gateway-choice.js';
import type { EventFunction } from '../runtime/contract.js';
import { ROUTES_BY_SERVICE, routesByGateway, routesByService } from './indexes.js';
import { gatewaysOfRoute, planGateways } from './plan.js';

/**
 * OpenShift Routes labelled acpnet.io/migrate: "true" → their Gateway API and Envoy Gateway objects
 * (as `acpnet migrate routes` makes them), kept current for the side-by-side phase of the guide's
 * migration plan; a Route deleted or unlabelled takes them away. A Service event re-plans the Routes
 * that send to it (their ports), a Gateway event the Routes migrated onto it (its listeners).
 */
export const routeMigration: EventFunction = {
  name: 'route-migration',
  consumes: [ROUTE, SERVICE, GATEWAY],
  reads: [
    HTTP_ROUTE,
    TLS_ROUTE,
    CONFIG_MAP,
    REFERENCE_GRANT,
    BACKEND_TLS_POLICY,
    BACKEND_TRAFFIC_POLICY,
    SECURITY_POLICY,
    CLIENT_TRAFFIC_POLICY,
  ],
  indexes: [routesByGateway, routesByService],
  plan(event, view) {
    const object = event.object;
    const namespace = object.metadata.namespace ?? '';
    const name = object.metadata.name ?? '';
    switch (groupKindOf(object)) {
      case GATEWAY.groupKind:
        return planGateways(view, [{ namespace, name }], undefined);
      case SERVICE.groupKind: {
        const gateways = new Map<string, GatewayRef>();
        for (const route of view.byIndex(ROUTE, ROUTES_BY_SERVICE, `${namespace}/${name}`)) {
          const ref = gatewayOfRoute(route, undefined, view, false);
          if (!('failure' in ref)) gateways.set(gatewayKey(ref), ref);
        }
        return gateways.size === 0 ? [] : planGateways(view, [...gateways.values()], undefined);
      }
      default: {
        const route = event.type === 'delete' ? undefined : view.read(ROUTE, object);
        const deleted = event.type === 'delete';
        return planGateways(view, gatewaysOfRoute(view, route, namespace, name), {
          namespace,
          name,
          deleted,
        });
      }
    }
  },
};
