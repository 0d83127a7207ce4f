import { equalityIndex } from '../../../shared/kube/model/indexes.js';
import { ROUTE } from '../../../shared/kube/schemas/openshift-route.js';
import { claimKey } from '../../../shared/openshift-route/host-claims.js';

export const ROUTES_BY_CLAIM = 'route/claims';

/** Routes by the host and path they claim (`<hostname><path>`). */
export const routesByClaim = equalityIndex(ROUTE, ROUTES_BY_CLAIM, (route) => {
  const key = claimKey(route);
  return key === undefined ? [] : [key];
});

export const routeEqualityIndexes = [routesByClaim];
