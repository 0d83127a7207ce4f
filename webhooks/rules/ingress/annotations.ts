import {
  ALB_ENABLE_HTTPS_ANNOTATION,
  ALB_TLS_ANNOTATION,
  PRIORITY_ANNOTATION_PREFIX,
} from '../../../shared/kube/keys/alb.js';
import { NGINX_ANNOTATION_PREFIX } from '../../../shared/kube/keys/ingress.js';
import { formatPath } from '../../../shared/kube/schema-issues.js';
import type { Ingress } from '../../../shared/kube/schemas/ingress.js';
import { INGRESS } from '../../../shared/kube/schemas/ingress.js';
import { deny, warn } from '../findings.js';
import type { AdmissionContext, Finding, ValidationRule } from '../types.js';
import { parseAlbTlsAnnotation } from './lib/alb-tls-annotation.js';
import { nginxAnnotationChecks, nginxHstsChecks } from './lib/nginx-annotations.js';

const RULE = 'ingress/annotations';

const annotationField = (key: string) => formatPath(['metadata', 'annotations', key]);

function priorityFindings(ingress: Ingress, key: string, value: string): Finding[] {
  const field = annotationField(key);
  const out: Finding[] = [];
  const suffix = key.slice(PRIORITY_ANNOTATION_PREFIX.length);
  const match = /^(\d+)-(\d+)$/.exec(suffix);
  if (!match) {
    return [
      deny(
        RULE,
        field,
        `the key must end in "<rule index>-<path index>", not "${suffix}"`,
        'InvalidPriority',
      ),
    ];
  }
  const ruleIndex = Number(match[1]);
  const pathIndex = Number(match[2]);
  const rules = ingress.spec?.rules ?? [];
  const paths = rules[ruleIndex]?.http?.paths ?? [];
  if (ruleIndex >= rules.length) {
    out.push(
      deny(
        RULE,
        field,
        `names spec.rules[${ruleIndex}] but the Ingress has ${rules.length} rule(s)`,
        'PriorityTargetMissing',
      ),
    );
  } else if (pathIndex >= paths.length) {
    out.push(
      deny(
        RULE,
        field,
        `names spec.rules[${ruleIndex}].http.paths[${pathIndex}] but that rule has ${paths.length} path(s)`,
        'PriorityTargetMissing',
      ),
    );
  }
  if (!/^\d+$/.test(value) || Number(value) > 10) {
    out.push(
      deny(RULE, field, `priority "${value}" is not an integer 0-10 (smaller wins)`, 'InvalidPriority'),
    );
  }
  return out;
}

function nginxFindings(key: string, value: string): Finding[] {
  const name = key.slice(NGINX_ANNOTATION_PREFIX.length);
  const field = annotationField(key);
  const check = nginxAnnotationChecks[name];
  if (check) {
    const problem = check(value);
    return problem ? [deny(RULE, field, `"${value}" ${problem}`, 'InvalidAnnotation')] : [];
  }
  const hsts = nginxHstsChecks[name];
  if (!hsts) return [];
  const problem = hsts(value);
  if (problem) return [deny(RULE, field, `"${value}" ${problem}`, 'InvalidAnnotation')];
  return [
    warn(
      RULE,
      field,
      `ingress-nginx reads ${name} from the controller ConfigMap, not from Ingress annotations; this has no effect`,
      'IgnoredAnnotation',
    ),
  ];
}

/** ALB rule priorities, the ALB TLS and enable-https annotations, and ingress-nginx annotation values. */
function check(ctx: AdmissionContext<Ingress>): Finding[] {
  const ingress = ctx.object;
  const out: Finding[] = [];
  for (const [key, value] of Object.entries(ingress.metadata.annotations ?? {})) {
    if (key.startsWith(PRIORITY_ANNOTATION_PREFIX)) out.push(...priorityFindings(ingress, key, value));
    else if (key.startsWith(NGINX_ANNOTATION_PREFIX)) out.push(...nginxFindings(key, value));
    else if (key === ALB_TLS_ANNOTATION) {
      for (const problem of parseAlbTlsAnnotation(value).problems) {
        out.push(deny(RULE, annotationField(key), problem, 'InvalidAnnotation'));
      }
    } else if (key === ALB_ENABLE_HTTPS_ANNOTATION && value !== 'true' && value !== 'false') {
      out.push(deny(RULE, annotationField(key), `"${value}" must be true or false`, 'InvalidAnnotation'));
    }
  }
  return out;
}

export const ingressAnnotationsRule: ValidationRule<Ingress> = {
  id: RULE,
  kinds: [INGRESS],
  reasons: ['InvalidPriority', 'PriorityTargetMissing', 'InvalidAnnotation', 'IgnoredAnnotation'],
  guide: '配置 Ingresses',
  check,
};
