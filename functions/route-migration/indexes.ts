import { MIGRATE_GATEWAY_ANNOTATION, MIGRATE_LABEL } from '../../shared/kube/keys/openshift-route.js';
import { equalityIndex } from '../../shared/kube/model/indexes.js';
import { ROUTE, type Route } from '../../shared/kube/schemas/openshift-route.js';
import { gatewayKey, parseGatewayRef } from '../../shared/route-migration/gateway-choice.js';

export const ROUTES_BY_GATEWAY = 'route-migration/routes-by-gateway';
export const ROUTES_BY_SERVICE = 'route-migration/routes-by-service';

export function isMigrated(route: Route): boolean {
  return route.metadata.labels?.[MIGRATE_LABEL] === 'true';
}

/** Migrated Routes by the Gateway their annotation names (`namespace/name`). */
export const routesByGateway = equalityIndex(ROUTE, ROUTES_BY_GATEWAY, (route) => {
  if (!isMigrated(route)) return [];
  const annotated = route.metadata.annotations?.[MIGRATE_GATEWAY_ANNOTATION];
  if (annotated === undefined) return [];
  const ref = parseGatewayRef(annotated, route.metadata.namespace ?? '');
  return ref ? [gatewayKey(ref)] : [];
});

/** Migrated Routes by the Services they send to, as `namespace/service`: their ports come from them. */
export const routesByService = equalityIndex(ROUTE, ROUTES_BY_SERVICE, (route) => {
  if (!isMigrated(route)) return [];
  const namespace = route.metadata.namespace ?? '';
  const services = [route.spec.to, ...(route.spec.alternateBackends ?? [])].map(
    (b) => `${namespace}/${b.name}`,
  );
  return [...new Set(services)];
});
