import { formatPath } from '../../../shared/kube/schema-issues.js';
import { ROUTE, type Route } from '../../../shared/kube/schemas/openshift-route.js';
import { ineffectiveAnnotations, routerAnnotations } from '../../../shared/openshift-route/annotations.js';
import { warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';

const RULE = 'route/annotations';

/**
 * The router annotations acpnet knows: a value OpenShift's router would not take (it ignores it and
 * keeps its default), and an annotation that has no effect on this Route. Warnings, as the router
 * accepts the Route either way.
 */
function check({ object }: AdmissionContext<Route>): Finding[] {
  const ignored = ineffectiveAnnotations(object);
  const out: Finding[] = [];
  for (const { key, value, parsed } of routerAnnotations(object)) {
    const field = formatPath(['metadata', 'annotations', key]);
    if (parsed && !parsed.ok)
      out.push(
        warn(RULE, field, `"${value}" ${parsed.problem}; the router ignores it`, 'InvalidRouteAnnotation'),
      );
    else if (ignored.has(key))
      out.push(warn(RULE, field, `has no effect: ${ignored.get(key)}`, 'IgnoredRouteAnnotation'));
  }
  return out;
}

export const routeAnnotationsRule: ValidationRule<Route> = {
  id: RULE,
  kinds: [ROUTE],
  reasons: ['InvalidRouteAnnotation', 'IgnoredRouteAnnotation'],
  guide: '任务：从 OCP Route 迁移到 GatewayAPI Route',
  check,
};
