import type { Ingress } from '../../../shared/kube/schemas/ingress.js';
import { INGRESS } from '../../../shared/kube/schemas/ingress.js';
import { deny } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { hostProblem } from './lib/hostnames.js';

const RULE = 'ingress/paths';

/** pathType and path shape, and hosts that are exact DNS names or `*.` wildcards (never IPs). */
function check(ctx: AdmissionContext<Ingress>): Finding[] {
  const ingress = ctx.object;
  const out: Finding[] = [];
  for (const [i, rule] of (ingress.spec?.rules ?? []).entries()) {
    const badHost = rule.host === undefined || rule.host === '' ? undefined : hostProblem(rule.host);
    if (badHost) out.push(deny(RULE, `spec.rules[${i}].host`, badHost, 'InvalidHost'));
    for (const [j, httpPath] of (rule.http?.paths ?? []).entries()) {
      const field = `spec.rules[${i}].http.paths[${j}]`;
      const { pathType, path } = httpPath;
      if (pathType === 'ImplementationSpecific') continue;
      if (!path?.startsWith('/')) {
        out.push(
          deny(
            RULE,
            `${field}.path`,
            `pathType ${pathType} needs a path starting with "/" (got ${path === undefined ? 'none' : `"${path}"`})`,
            'InvalidPath',
          ),
        );
      }
    }
  }
  for (const [i, tls] of (ingress.spec?.tls ?? []).entries()) {
    for (const [j, host] of (tls.hosts ?? []).entries()) {
      const badHost = hostProblem(host);
      if (badHost) out.push(deny(RULE, `spec.tls[${i}].hosts[${j}]`, badHost, 'InvalidHost'));
    }
  }
  return out;
}

export const ingressPathsRule: ValidationRule<Ingress> = {
  id: RULE,
  kinds: [INGRESS],
  reasons: ['InvalidHost', 'InvalidPath'],
  guide: '配置 Ingresses',
  check,
};
