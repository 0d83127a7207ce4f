import { ROUTE, type Route } from '../../../shared/kube/schemas/openshift-route.js';
import {
  claimKey,
  compareAge,
  describeRoute,
  routeHost,
} from '../../../shared/openshift-route/host-claims.js';
import { warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { ROUTES_BY_CLAIM } from './indexes.js';

const RULE = 'route/host-claims';

const sameRoute = (a: Route, b: Route) =>
  a.metadata.namespace === b.metadata.namespace && a.metadata.name === b.metadata.name;

/**
 * OpenShift's router serves the oldest Route of a host and path and refuses the others
 * (HostAlreadyClaimed); the API server stores them all, so this is a warning.
 */
function check({ object, view }: AdmissionContext<Route>): Finding[] {
  const key = claimKey(object);
  if (key === undefined) return [];
  const older = view
    .byIndex(ROUTE, ROUTES_BY_CLAIM, key)
    .filter((other) => !sameRoute(other, object) && compareAge(other, object) < 0)
    .sort(compareAge)[0];
  if (!older) return [];
  const field = object.spec.host ? 'spec.host' : 'spec';
  return [
    warn(
      RULE,
      field,
      `${routeHost(object)}${object.spec.path ?? ''} is already claimed by the older ${describeRoute(older)}; the router serves only the oldest, so this Route stays unadmitted (and is not migrated)`,
      'HostAlreadyClaimed',
      describeRoute(older),
    ),
  ];
}

export const routeHostClaimsRule: ValidationRule<Route> = {
  id: RULE,
  kinds: [ROUTE],
  reasons: ['HostAlreadyClaimed'],
  guide: '跨命名空间路由准入',
  check,
};
