import type { Ingress } from '../../../shared/kube/schemas/ingress.js';
import { INGRESS } from '../../../shared/kube/schemas/ingress.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { ACCESS_POINT_INDEX } from './indexes.js';
import { type AccessPoint, accessPointsOf, describeAccessPoint } from './lib/access-points.js';

const RULE = 'ingress/duplicate-access-points';

function otherPaths(other: Ingress, key: string): AccessPoint[] {
  return accessPointsOf(other).filter((p) => p.key === key);
}

/**
 * The guide: in one namespace, different Ingresses may not have the same host, protocol and path
 * (no duplicate access points). Looked up by index key, never by scanning the namespace.
 */
function check(ctx: AdmissionContext<Ingress>): Finding[] {
  const self = ctx.object.metadata.name ?? '';
  const namespace = ctx.object.metadata.namespace ?? '';
  const out: Finding[] = [];
  const reported = new Set<string>();
  for (const point of accessPointsOf(ctx.object)) {
    for (const other of ctx.view.byIndex(INGRESS, ACCESS_POINT_INDEX, point.key)) {
      const otherName = other.metadata.name ?? '';
      if (otherName === self) continue;
      const clash = otherPaths(other, point.key)[0];
      if (!clash || reported.has(`${point.field}|${otherName}`)) continue;
      reported.add(`${point.field}|${otherName}`);
      const where = `rules[${clash.ruleIndex}].http.paths[${clash.pathIndex}]`;
      out.push(
        deny(
          RULE,
          point.field,
          `access point ${describeAccessPoint(point)} is already served by Ingress ${namespace}/${otherName} (${where}); two Ingresses of one namespace may not share host, protocol and path`,
          'DuplicateAccessPoint',
          `Ingress ${namespace}/${otherName}`,
        ),
      );
    }
  }
  return out;
}

export const duplicateAccessPointsRule: ValidationRule<Ingress> = {
  id: RULE,
  kinds: [INGRESS],
  reasons: ['DuplicateAccessPoint'],
  guide: '配置 Ingresses',
  check,
};
