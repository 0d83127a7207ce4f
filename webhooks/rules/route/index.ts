import { ROUTE } from '../../../shared/kube/schemas/openshift-route.js';
import type { RuleFamily } from '../types.js';
import { routeAnnotationsRule } from './annotations.js';
import { routeHostClaimsRule } from './host-claims.js';
import { routeEqualityIndexes } from './indexes.js';
import { routeTlsRule } from './tls.js';

/** OpenShift Routes (route.openshift.io/v1): router annotations, host claims, inline certificates. */
export const routeFamily: RuleFamily = {
  name: 'route',
  rules: [routeAnnotationsRule, routeHostClaimsRule, routeTlsRule],
  mutators: [],
  equalityIndexes: routeEqualityIndexes,
  reads: [ROUTE],
};
